package dev.rollout.worker.release;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Release uploads.
 *
 * @param maxUploadSize the largest multipart request (and artifact) accepted; uploads are streamed
 *     to disk, never held in memory
 * @param maxDeltaInput images above this size get no binary delta (jbsdiff diffs in memory)
 */
@Validated
@ConfigurationProperties("rollout.releases")
public record ReleaseProperties(
    @NotNull @DefaultValue("512MB") DataSize maxUploadSize,
    @NotNull @DefaultValue("64MB") DataSize maxDeltaInput) {}
