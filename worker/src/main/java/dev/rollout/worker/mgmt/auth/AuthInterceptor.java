package dev.rollout.worker.mgmt.auth;

import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /mgmt/v1} request by its bearer token and checks its role against
 * {@link AccessRules}. Failures are thrown as {@link ApiException}, so they get the one error
 * mapping of the APIs.
 */
class AuthInterceptor implements HandlerInterceptor {

  private static final String BEARER = "Bearer ";

  private final OperatorTokens tokens;

  AuthInterceptor(OperatorTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    AccessRules.Access access = AccessRules.required(request.getMethod(), request.getRequestURI());
    if (access instanceof AccessRules.Open) {
      return true;
    }
    Role needed = ((AccessRules.Needs) access).role();
    Operator operator = authenticate(request, response);
    if (!operator.role().covers(needed)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "FORBIDDEN",
          "%s %s needs the %s role; token '%s' has %s"
              .formatted(
                  request.getMethod(),
                  request.getRequestURI(),
                  needed.wireName(),
                  operator.name(),
                  operator.role().wireName()));
    }
    request.setAttribute(Operator.ATTRIBUTE, operator);
    return true;
  }

  private Operator authenticate(HttpServletRequest request, HttpServletResponse response) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    Optional<Operator> operator =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? tokens.authenticate(header.substring(BEARER.length()).strip())
            : Optional.empty();
    if (operator.isEmpty()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mgmt\"");
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "UNAUTHENTICATED",
          header == null
              ? "send Authorization: Bearer <operator token>"
              : "the token is unknown or revoked");
    }
    return operator.get();
  }
}
