package dev.rollout.worker.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by the engine's parts.
 *
 * @param dataDir where the embedded servers keep their data ({@code postgres/} below it)
 * @param taskQueue the Temporal task queue the worker polls (DESIGN.md §3: {@code rollouts})
 */
@Validated
@ConfigurationProperties("rollout")
public record RolloutProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @NotBlank @DefaultValue("rollouts") String taskQueue) {}
