package com.clockface.ui.kiosk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;

/**
 * Short generated tones: a rising two-note chime for success, a low double buzz for a failure. Played
 * on a daemon thread; a machine without audio (headless tests, a kiosk with no speaker) stays silent and
 * the kiosk carries on.
 */
final class Sounds {
    private static final Logger log = LoggerFactory.getLogger(Sounds.class);
    private static final float RATE = 22050f;
    private static volatile boolean broken;

    private Sounds() {}

    static void success() { play(tones(new double[] {660, 990}, new int[] {110, 180}, 0.5)); }

    static void failure() { play(tones(new double[] {220, 0, 220}, new int[] {140, 60, 140}, 0.5)); }

    /** 16-bit mono PCM of the notes (0 Hz = silence), with short fades so nothing clicks. */
    static byte[] tones(double[] hz, int[] ms, double volume) {
        int total = 0;
        for (int m : ms) total += (int) (RATE * m / 1000);
        byte[] pcm = new byte[total * 2];
        int pos = 0;
        for (int n = 0; n < hz.length; n++) {
            int len = (int) (RATE * ms[n] / 1000);
            int fade = Math.min(len / 4, (int) (RATE * 0.01));
            for (int i = 0; i < len; i++, pos++) {
                double env = Math.min(1, Math.min(i, len - 1 - i) / (double) Math.max(1, fade));
                double v = hz[n] == 0 ? 0 : Math.sin(2 * Math.PI * hz[n] * i / RATE) * volume * env;
                short s = (short) (v * Short.MAX_VALUE);
                pcm[2 * pos] = (byte) s;
                pcm[2 * pos + 1] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    private static void play(byte[] pcm) {
        if (broken || Boolean.getBoolean("clockface.kiosk.mute")) return;
        Thread t = new Thread(() -> {
            try {
                Clip clip = AudioSystem.getClip();
                clip.open(new AudioFormat(RATE, 16, 1, true, false), pcm, 0, pcm.length);
                clip.addLineListener(e -> {
                    if (e.getType() == javax.sound.sampled.LineEvent.Type.STOP) clip.close();
                });
                clip.start();
            } catch (Throwable e) { // no audio device, no driver, headless: silence is fine
                broken = true;
                log.info("sound is off: {}", e.toString());
            }
        }, "kiosk-sound");
        t.setDaemon(true);
        t.start();
    }
}
