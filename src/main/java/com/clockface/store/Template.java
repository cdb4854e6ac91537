package com.clockface.store;

import java.time.Instant;

/** A template's metadata (the embedding itself stays encrypted until {@link TemplateRepository} loads it). */
public record Template(long id, long personId, String modelId, int dim, Double quality, TemplateSource source,
                       Instant createdAt) { }
