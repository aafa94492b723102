package org.lowmag.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The constant arrays of {@link GroupNorm}'s fused path ({@code zeros(L)} and {@code ones(L)}: the
 * weight and bias of {@code layer_norm}, the mean and variance of {@code batch_norm}), kept between
 * forward passes so that a pass over a small tissue does not pay four allocations per norm layer.
 * The arrays are never written (no gradient, inference-mode statistics), so sharing them between
 * passes and threads is safe.
 *
 * <p>Only lengths up to {@link #MAX_CACHED_LENGTH} and at most {@link #MAX_ENTRIES} lengths are
 * kept (memory stays below {@code 2 * 4096 * 4 B * 64 = 2 MiB} per layer whatever the tissue
 * sizes); others are allocated per call in the caller's manager. Kept arrays live in the owner's
 * manager (the model's), and are recreated if that manager has released them.
 */
final class NormConstants {

    /** Longest array kept, in elements. */
    static final long MAX_CACHED_LENGTH = 4096;

    /** Most lengths kept per layer. */
    static final int MAX_ENTRIES = 64;

    private record Key(long length, DataType type, Device device) {}

    private final Map<Key, PtNDArray[]> cache = new ConcurrentHashMap<>();

    /**
     * @param length the arrays' length
     * @param type their data type
     * @param owner long-lived manager that keeps cached arrays (the model's)
     * @param scratch the pass's manager, for arrays that are not cached
     * @return {@code {zeros(length), ones(length)}}
     */
    PtNDArray[] zerosOnes(long length, DataType type, NDManager owner, NDManager scratch) {
        if (length > MAX_CACHED_LENGTH) {
            return create(scratch, length, type);
        }
        Key key = new Key(length, type, scratch.getDevice());
        PtNDArray[] kept = cache.get(key);
        if (kept != null && !kept[0].isReleased() && !kept[1].isReleased()) {
            return kept;
        }
        if (cache.size() >= MAX_ENTRIES && kept == null) {
            return create(scratch, length, type);
        }
        PtNDArray[] made = create(owner, length, type);
        cache.put(key, made);
        return made;
    }

    private static PtNDArray[] create(NDManager m, long length, DataType type) {
        Shape s = new Shape(length);
        return new PtNDArray[] {(PtNDArray) m.zeros(s, type), (PtNDArray) m.ones(s, type)};
    }
}
