package com.clockface.gallery;

/**
 * How {@link Gallery#search} scores a person.
 * <ul>
 *   <li>{@link #FAST}: the person's best template against the probe alone.</li>
 *   <li>{@link #ACCURATE}: every template of the person and the mirrored probe are fused; see
 *       {@link Gallery#search} for the exact rule.</li>
 * </ul>
 */
public enum SearchMode { FAST, ACCURATE }
