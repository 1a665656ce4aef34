package app.truenorth.roadmap.domain;

/** Initiative id → position, open addressing on primitive arrays: no boxing on the hot path. */
final class IdIndex {

    private final long[] keys;
    private final int[] values;
    private final boolean[] used;
    private final int mask;

    IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    void put(long key, int value) {
        int slot = slot(key);
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
    }

    /** The position, or -1 when the id is not on the roadmap. */
    int get(long key) {
        int slot = slot(key);
        while (used[slot]) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
