package com.clockface.gallery;

/**
 * One person found by a 1:N search.
 *
 * @param personId   the person's database id
 * @param score      cosine similarity in [-1, 1] (fused in ACCURATE mode); higher is more alike
 * @param templateId the person's template that matched best (the one to show or log)
 */
public record Candidate(long personId, double score, long templateId) { }
