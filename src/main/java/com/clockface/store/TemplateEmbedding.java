package com.clockface.store;

/** A decrypted template, ready for the gallery. Never log the embedding. */
public record TemplateEmbedding(long personId, long templateId, float[] embedding) {
    @Override
    public String toString() {
        return "TemplateEmbedding[personId=" + personId + ", templateId=" + templateId + ", dim=" + embedding.length + "]";
    }
}
