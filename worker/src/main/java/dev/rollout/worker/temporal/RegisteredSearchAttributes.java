package dev.rollout.worker.temporal;

import dev.rollout.workflows.rollout.VisibilityActivities;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells the workflow which of its search attributes the server knows. A server that lists them (a
 * real cluster) is asked; the embedded test server cannot list them, but the launcher registered
 * them itself.
 */
final class RegisteredSearchAttributes implements VisibilityActivities {

  private final OperatorServiceStubs operator;
  private final String namespace;
  private final Set<String> registeredByLauncher;

  RegisteredSearchAttributes(
      OperatorServiceStubs operator, String namespace, Set<String> registeredByLauncher) {
    this.operator = operator;
    this.namespace = namespace;
    this.registeredByLauncher = Set.copyOf(registeredByLauncher);
  }

  @Override
  public List<String> registeredSearchAttributes() {
    try {
      Map<String, IndexedValueType> custom =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap();
      return RolloutSearchAttributes.KEYWORDS.stream()
          .filter(name -> custom.get(name) == IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .toList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e; // transient: the activity retries
      }
      return RolloutSearchAttributes.KEYWORDS.stream()
          .filter(registeredByLauncher::contains)
          .toList();
    }
  }
}
