package com.clockface.store;

import java.util.List;

/**
 * What {@link PersonRepository#erase} removed. The caller deletes the capsule files (the store only
 * knows their paths; files are outside the database).
 */
public record ErasureResult(long personId, int templatesDeleted, int evidenceDeleted, List<String> capsulePaths) { }
