package dev.rollout.activities.rollout;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import java.util.Map;

/**
 * How big a workflow's history is, in the terms of Temporal's limits: events, serialized bytes, and
 * the largest payload (a {@link Payload} anywhere in an event: activity inputs and results,
 * workflow input, update arguments, heartbeat details, memo).
 *
 * @param largestPayload serialized bytes of the largest single payload
 * @param largestPayloadEvent the type of the event that carried it
 * @param largestEventPayloads the most payload bytes any one event carried, all payloads together
 */
record HistorySizes(
    int events,
    long bytes,
    long largestPayload,
    String largestPayloadEvent,
    long largestEventPayloads) {

  static final int MAX_EVENTS = 51_200;
  static final long MAX_BYTES = 50L << 20;
  static final long MAX_PAYLOAD = 2L << 20;

  static HistorySizes of(History history) {
    long largest = 0;
    String largestEvent = "none";
    long largestTotal = 0;
    for (HistoryEvent event : history.getEventsList()) {
      long[] sizes = {0, 0}; // largest single, sum
      visit(event, sizes);
      if (sizes[0] > largest) {
        largest = sizes[0];
        largestEvent = event.getEventType().name();
      }
      largestTotal = Math.max(largestTotal, sizes[1]);
    }
    return new HistorySizes(
        history.getEventsCount(), history.getSerializedSize(), largest, largestEvent, largestTotal);
  }

  // payloads sit at different depths per event type (Payloads.payloads, header maps, memo maps)
  private static void visit(Message message, long[] sizes) {
    if (message instanceof Payload payload) {
      long size = payload.getSerializedSize();
      sizes[0] = Math.max(sizes[0], size);
      sizes[1] += size;
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getValue() instanceof List<?> values) {
        values.forEach(value -> visit((Message) value, sizes));
      } else {
        visit((Message) field.getValue(), sizes);
      }
    }
  }

  /** How many times over each limit's margin this history stays under it. */
  String margins() {
    return String.format(
        "margin: events %.0fx, bytes %.0fx, largest payload %.0fx",
        (double) MAX_EVENTS / events,
        (double) MAX_BYTES / bytes,
        (double) MAX_PAYLOAD / Math.max(1, largestPayload));
  }
}
