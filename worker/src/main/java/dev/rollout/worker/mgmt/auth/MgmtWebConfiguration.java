package dev.rollout.worker.mgmt.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Operator authentication on {@code /mgmt/v1} only: the device API has its own. */
@Configuration(proxyBeanMethods = false)
class MgmtWebConfiguration implements WebMvcConfigurer {

  private final OperatorTokens tokens;

  MgmtWebConfiguration(OperatorTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AuthInterceptor(tokens)).addPathPatterns("/mgmt/v1/**");
  }
}
