package com.clockface.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Video4Linux capture devices, read from sysfs: no native code, instant, and works without any
 * camera library. A webcam usually exposes two nodes (picture and metadata); the metadata node has
 * index 1 and is skipped.
 */
final class LinuxVideoDevices {
    private LinuxVideoDevices() {}

    static List<CameraDevice> list(Path sysClass, Path dev) {
        if (!Files.isDirectory(sysClass)) return List.of();
        List<Path> nodes;
        try (Stream<Path> s = Files.list(sysClass)) {
            nodes = s.filter(p -> p.getFileName().toString().startsWith("video"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        List<CameraDevice> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Path node : nodes) {
            String index = read(node.resolve("index"));
            if (index != null && !index.equals("0")) continue;
            Path devNode = dev.resolve(node.getFileName().toString());
            String name = read(node.resolve("name"));
            if (name == null || name.isBlank()) name = devNode.toString();
            int n = seen.merge(name, 1, Integer::sum);
            // two identical webcams: keep names unique so settings can tell them apart
            out.add(new CameraDevice(n == 1 ? name : name + " #" + n, devNode.toString(), WebcamSource.Backend.FFMPEG_V4L2));
        }
        return out;
    }

    private static int number(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString().substring("video".length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
