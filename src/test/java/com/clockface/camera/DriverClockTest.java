package com.clockface.camera;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DriverClockTest {

    @Test
    void lateReadsKeepTheDriversSpacing() {
        DriverClock c = new DriverClock();
        long driver0 = 5_000_000_000L, arrival0 = 900_000_000_000L;
        long period = 33_333_000L;
        // the reader is late for frames 3-5 and then reads them back to back
        long[] lateBy = {2_000_000, 2_500_000, 1_800_000, 60_000_000, 28_000_000, 1_000_000, 2_100_000, 1_900_000};
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < lateBy.length; i++) {
            long arrival = arrival0 + i * period + lateBy[i];
            long t = c.stamp(driver0 + i * period, arrival);
            assertTrue(t <= arrival, "never later than arrival");
            // arrivals vary by up to 58 ms; stamps only move when a quicker read refines the offset (< 1 ms here)
            if (prev != Long.MIN_VALUE) assertEquals(period, t - prev, 1_000_000L, "driver spacing at " + i);
            prev = t;
        }
    }

    @Test
    void aDriverClockResetReAnchors() {
        DriverClock c = new DriverClock();
        long t0 = c.stamp(10_000_000_000L, 100_000_000_000L);
        long t1 = c.stamp(10_033_000_000L, 100_033_500_000L);
        assertEquals(33_000_000L, t1 - t0);
        long t2 = c.stamp(1_000_000L, 100_070_000_000L); // device re-opened: its clock started over
        assertEquals(100_070_000_000L, t2);
        long t3 = c.stamp(1_000_000L + 40_000_000L, 100_110_200_000L);
        assertEquals(40_000_000L, t3 - t2);
    }
}
