package com.clockface.camera;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FrameTimesTest {
    @Test
    void keepsTheNewestTimesAndReturnsARangeInOrder() {
        FrameTimes t = new FrameTimes(4);
        assertArrayEquals(new long[0], t.between(0, 100));
        for (long v = 10; v <= 60; v += 10) t.add(v); // 10..60; the ring keeps 30..60
        assertEquals(6, t.count());
        assertArrayEquals(new long[] {30, 40, 50, 60}, t.between(0, 100));
        assertArrayEquals(new long[] {40, 50}, t.between(35, 50), "both ends inclusive");
        assertArrayEquals(new long[0], t.between(61, 70));
    }
}
