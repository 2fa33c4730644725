package dev.rollout.worker.temporal;

import dev.rollout.workflows.rollout.VisibilityActivities;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom search attributes the Rollout workflow upserts (issue 3). The embedded server keeps
 * them in memory only, and an upsert of an unregistered attribute fails the workflow task in a
 * loop, so they are registered at every start. On a real cluster they are registered once by an
 * operator; we try, and only warn if we may not.
 */
public final class RolloutSearchAttributes {

  public static final List<String> KEYWORDS =
      List.of(
          VisibilityActivities.ROLLOUT_STATE,
          VisibilityActivities.ROLLOUT_PHASE,
          VisibilityActivities.ROLLOUT_RELEASE);

  private static final Logger log = LoggerFactory.getLogger(RolloutSearchAttributes.class);

  private RolloutSearchAttributes() {}

  /** Registers them; true when the server took them, false when a cluster refused (warned). */
  static boolean register(OperatorServiceStubs operator, String namespace, boolean required) {
    AddSearchAttributesRequest.Builder request =
        AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    KEYWORDS.forEach(
        name -> request.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    try {
      operator.blockingStub().addSearchAttributes(request.build());
      log.info("Registered search attributes {} in namespace {}", KEYWORDS, namespace);
      return true;
    } catch (StatusRuntimeException e) {
      if (required) {
        throw e;
      }
      log.warn(
          "Could not register search attributes {} in namespace {} ({}); register them on the"
              + " cluster (temporal operator search-attribute create) for the rollout list columns",
          KEYWORDS,
          namespace,
          TemporalConnections.describe(e));
      return false;
    }
  }
}
