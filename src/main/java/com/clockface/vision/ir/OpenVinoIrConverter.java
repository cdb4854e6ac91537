package com.clockface.vision.ir;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Converts a small OpenVINO IR (v10/v11 xml + bin) into an ONNX model (opset 13), for the layer types of
 * Intel's face-reidentification-retail-0095: Parameter, Const (f16/f32) + Convert, Convolution,
 * GroupConvolution, PReLU, Add, Multiply, Sigmoid, AvgPool, ReduceMean and Result. Each maps to one ONNX
 * op; FP16 constants are widened to FP32 (exactly: every f16 value is a float). Anything else is refused
 * with the layer named, never guessed.
 *
 * <p>The output is deterministic: nodes and initializers in the IR's document order, tensors named
 * {@code t<layer>_<port>} (weights {@code _w}, PReLU slopes {@code _slope}), attributes sorted by name. With
 * the names of models.json's "conversion" block ({@link Options#of}) the bytes equal the published {@code face-reid-0095.onnx}, so the sha256
 * in models.json verifies a model converted on the kiosk itself.
 */
public final class OpenVinoIrConverter {

    /** Names and free text written into the ONNX file. */
    public record Options(String graphName, String docString, String producerName, String inputName,
                          String outputName) {
        public Options {
            Objects.requireNonNull(graphName);
            Objects.requireNonNull(producerName);
            Objects.requireNonNull(inputName);
            Objects.requireNonNull(outputName);
            docString = docString == null ? "" : docString;
        }

        /** Graph named after the IR file, input {@code input}, output {@code embedding}. */
        public static Options defaults(String graphName) {
            return new Options(graphName, "", "clockface-ir2onnx", "input", "embedding");
        }

        /**
         * Options from a models.json "conversion" block (graphName, docString, producerName); those strings
         * make the output byte-identical to the published file, so its sha256 verifies the conversion.
         */
        public static Options of(Map<String, String> conversion, String fallbackGraphName) {
            Options d = defaults(fallbackGraphName);
            return new Options(conversion.getOrDefault("graphName", d.graphName()),
                    conversion.getOrDefault("docString", d.docString()),
                    conversion.getOrDefault("producerName", d.producerName()), d.inputName(), d.outputName());
        }
    }

    private static final int IR_VERSION = 8;
    private static final int OPSET = 13;
    private static final int FLOAT = 1;      // TensorProto.DataType.FLOAT
    private static final int ATTR_INT = 2;   // AttributeProto.AttributeType.INT
    private static final int ATTR_INTS = 7;  // AttributeProto.AttributeType.INTS

    private OpenVinoIrConverter() { }

    /** Converts {@code xml} + {@code bin} and writes the ONNX model to {@code onnx}. */
    public static void convert(Path xml, Path bin, Path onnx, Options options) throws IOException {
        byte[] model = toOnnx(Files.readAllBytes(xml), Files.readAllBytes(bin), options);
        Files.write(onnx, model);
    }

    // ---------------------------------------------------------------- IR model

    private record Port(int id, long[] dims, String precision) { }

    private record Layer(int id, String name, String type, Map<String, String> data,
                         TreeMap<Integer, Port> inputs, TreeMap<Integer, Port> outputs) {
        String attr(String key) { return data.get(key); }
    }

    private record Ref(int layer, int port) { }

    /** A constant the graph uses: shape, values widened to float (or integers for axes). */
    private record Constant(long[] shape, float[] floats, long[] ints) { }

    public static byte[] toOnnx(byte[] xml, byte[] bin, Options options) throws IOException {
        Document doc = parse(xml);
        Element net = doc.getDocumentElement();
        if (!"net".equals(net.getTagName())) throw new IOException("not an OpenVINO IR file: root element is <"
                + net.getTagName() + ">");
        String version = net.getAttribute("version");
        if (!version.equals("10") && !version.equals("11")) {
            throw new IOException("OpenVINO IR version " + version + " is not supported (10 and 11 are)");
        }
        List<Layer> layers = new ArrayList<>();
        Map<Integer, Layer> byId = new HashMap<>();
        for (Element le : children(child(net, "layers"), "layer")) {
            Layer l = layer(le);
            if (byId.put(l.id(), l) != null) throw new IOException("duplicate layer id " + l.id());
            layers.add(l);
        }
        Map<Ref, Ref> source = new HashMap<>();           // (to layer, to port) -> (from layer, from port)
        Map<Ref, List<Ref>> consumers = new HashMap<>();  // (from, port) -> [(to, port)]
        for (Element e : children(child(net, "edges"), "edge")) {
            Ref from = new Ref(intAttr(e, "from-layer"), intAttr(e, "from-port"));
            Ref to = new Ref(intAttr(e, "to-layer"), intAttr(e, "to-port"));
            if (!byId.containsKey(from.layer()) || !byId.containsKey(to.layer())) {
                throw new IOException("edge refers to a missing layer: " + from + " -> " + to);
            }
            source.put(to, from);
            consumers.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        }
        return new Builder(options, bin, byId, source, consumers).build(layers);
    }

    private static final class Builder {
        final Options o;
        final byte[] bin;
        final Map<Integer, Layer> byId;
        final Map<Ref, Ref> source;
        final Map<Ref, List<Ref>> consumers;
        final Map<Ref, String> names = new HashMap<>();
        final Map<Ref, Constant> constants = new HashMap<>();
        final List<ProtoWriter> nodes = new ArrayList<>();
        final List<ProtoWriter> initializers = new ArrayList<>();
        final List<ProtoWriter> inputs = new ArrayList<>();
        final List<ProtoWriter> outputs = new ArrayList<>();

        Builder(Options o, byte[] bin, Map<Integer, Layer> byId, Map<Ref, Ref> source, Map<Ref, List<Ref>> consumers) {
            this.o = o;
            this.bin = bin;
            this.byId = byId;
            this.source = source;
            this.consumers = consumers;
        }

        byte[] build(List<Layer> layers) throws IOException {
            int results = 0;
            int params = 0;
            for (Layer l : layers) {
                if (l.type().equals("Result")) {
                    results++;
                    names.put(input(l, 0), o.outputName());
                }
                if (l.type().equals("Parameter")) params++;
            }
            if (results != 1 || params != 1) {
                throw new IOException("expected one input and one output, found " + params + " Parameter and "
                        + results + " Result layers");
            }
            for (Layer l : layers) layer(l);

            ProtoWriter graph = new ProtoWriter();
            for (ProtoWriter n : nodes) graph.message(1, n);
            graph.string(2, o.graphName());
            for (ProtoWriter t : initializers) graph.message(5, t);
            if (!o.docString().isEmpty()) graph.string(10, o.docString());
            for (ProtoWriter v : inputs) graph.message(11, v);
            for (ProtoWriter v : outputs) graph.message(12, v);

            ProtoWriter model = new ProtoWriter();
            model.varint(1, IR_VERSION);
            model.string(2, o.producerName());
            model.message(7, graph);
            model.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
            return model.toByteArray();
        }

        private void layer(Layer l) throws IOException {
            switch (l.type()) {
                case "Parameter" -> {
                    Port out = single(l, l.outputs());
                    String et = l.attr("element_type");
                    if (et != null && !et.equals("f32") && !et.equals("f16")) {
                        throw unsupported(l, "input element type " + et);
                    }
                    names.put(new Ref(l.id(), out.id()), o.inputName());
                    inputs.add(valueInfo(o.inputName(), out.dims()));
                }
                case "Const" -> constant(l);
                case "Convert" -> convert(l);
                case "Result" -> outputs.add(valueInfo(o.outputName(), single(l, l.inputs()).dims()));
                case "Add" -> elementwise(l, "Add");
                case "Multiply" -> elementwise(l, "Mul");
                case "Sigmoid" -> node(l, "Sigmoid", List.of(input(l, 0)), List.of());
                case "PReLU" -> node(l, "PRelu", List.of(input(l, 0), input(l, 1)), List.of());
                case "Convolution" -> convolution(l, false);
                case "GroupConvolution" -> convolution(l, true);
                case "AvgPool" -> avgPool(l);
                case "ReduceMean" -> reduceMean(l);
                default -> throw unsupported(l, "layer type " + l.type());
            }
        }

        // -------- constants

        private void constant(Layer l) throws IOException {
            Port out = single(l, l.outputs());
            long[] shape = shapeAttr(l, "shape", out.dims());
            long count = Math.max(1, Arrays.stream(shape).reduce(1, Math::multiplyExact));
            long offset = longAttr(l, "offset");
            long size = longAttr(l, "size");
            if (offset < 0 || size < 0 || offset + size > bin.length) {
                throw new IOException("Const layer " + l.id() + " (" + l.name() + ") reads bytes " + offset + ".."
                        + (offset + size) + " but the .bin file has " + bin.length + ": wrong or truncated .bin");
            }
            ByteBuffer b = ByteBuffer.wrap(bin, (int) offset, (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
            String et = String.valueOf(l.attr("element_type"));
            int width = switch (et) {
                case "f16" -> 2;
                case "f32", "i32" -> 4;
                case "i64" -> 8;
                default -> throw unsupported(l, "constant element type " + et);
            };
            if (size != count * width) {
                throw new IOException("Const layer " + l.id() + " (" + l.name() + "): size " + size
                        + " does not match shape " + Arrays.toString(shape) + " of " + et);
            }
            Constant c;
            if (et.equals("f16") || et.equals("f32")) {
                float[] f = new float[(int) count];
                for (int i = 0; i < f.length; i++) f[i] = width == 2 ? halfToFloat(b.getShort()) : b.getFloat();
                c = new Constant(shape, f, null);
            } else {
                long[] v = new long[(int) count];
                for (int i = 0; i < v.length; i++) v[i] = width == 4 ? b.getInt() : b.getLong();
                c = new Constant(shape, null, v);
            }
            Ref ref = new Ref(l.id(), out.id());
            constants.put(ref, c);
            if (c.floats() != null && usedByOperators(ref)) initializer(ref, c);
        }

        private void convert(Layer l) throws IOException {
            Ref in = input(l, 0);
            Constant c = constants.get(in);
            if (c == null || c.floats() == null) throw unsupported(l, "Convert of a non-constant tensor");
            String to = l.attr("destination_type");
            if (to != null && !to.equals("f32")) throw unsupported(l, "Convert to " + to);
            Ref ref = new Ref(l.id(), single(l, l.outputs()).id());
            constants.put(ref, c);
            initializer(ref, c);
        }

        private boolean usedByOperators(Ref ref) {
            for (Ref to : consumers.getOrDefault(ref, List.of())) {
                if (!byId.get(to.layer()).type().equals("Convert")) return true;
            }
            return false;
        }

        /** Adds the constant as an FP32 initializer, shaped for how its consumers use it. */
        private void initializer(Ref ref, Constant c) throws IOException {
            String role = null;
            long[] shape = c.shape();
            for (Ref to : consumers.getOrDefault(ref, List.of())) {
                Layer user = byId.get(to.layer());
                String r = "";
                long[] s = c.shape();
                if (to.port() == 1 && (user.type().equals("Convolution") || user.type().equals("GroupConvolution"))) {
                    r = "_w";
                    if (user.type().equals("GroupConvolution")) {
                        // IR [G, O/G, I/G, kh, kw] -> ONNX [O, I/G, kh, kw]
                        if (s.length < 3) throw unsupported(user, "group weights of rank " + s.length);
                        long[] t = new long[s.length - 1];
                        t[0] = s[0] * s[1];
                        System.arraycopy(s, 2, t, 1, s.length - 2);
                        s = t;
                    }
                } else if (to.port() == 1 && user.type().equals("PReLU")) {
                    r = "_slope";
                    // a per-channel slope [C] must broadcast over [N,C,H,W], so it becomes [C,1,1]
                    if (s.length == 1 && s[0] > 1) s = new long[] {s[0], 1, 1};
                }
                if (role != null && (!role.equals(r) || !Arrays.equals(shape, s))) {
                    throw unsupported(user, "a constant shared by layers that need it in different shapes");
                }
                role = r;
                shape = s;
            }
            String name = "t" + ref.layer() + "_" + ref.port() + (role == null ? "" : role);
            names.put(ref, name);
            ByteBuffer raw = ByteBuffer.allocate(c.floats().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : c.floats()) raw.putFloat(f);
            ProtoWriter t = new ProtoWriter();
            for (long d : shape) t.varint(1, d);
            t.varint(2, FLOAT);
            t.string(8, name);
            t.bytes(9, raw.array());
            initializers.add(t);
        }

        // -------- operators

        private void elementwise(Layer l, String op) throws IOException {
            String b = l.attr("auto_broadcast");
            if (b != null && !b.equals("numpy") && !b.equals("none")) throw unsupported(l, "auto_broadcast=" + b);
            node(l, op, List.of(input(l, 0), input(l, 1)), List.of());
        }

        private void convolution(Layer l, boolean grouped) throws IOException {
            Ref w = input(l, 1);
            Constant weights = constants.get(w);
            if (weights == null) throw unsupported(l, "weights that are not a constant");
            long[] ws = weights.shape();
            int spatial = ws.length - (grouped ? 3 : 2);
            if (spatial < 1) throw unsupported(l, "weights of shape " + Arrays.toString(ws));
            long[] kernel = Arrays.copyOfRange(ws, ws.length - spatial, ws.length);
            List<ProtoWriter> attrs = new ArrayList<>();
            attrs.add(ints("dilations", listAttr(l, "dilations", spatial, 1)));
            if (grouped) attrs.add(intAttr("group", ws[0]));
            attrs.add(ints("kernel_shape", kernel));
            attrs.add(ints("pads", pads(l, spatial)));
            attrs.add(ints("strides", listAttr(l, "strides", spatial, 1)));
            node(l, "Conv", List.of(input(l, 0), w), attrs);
        }

        private void avgPool(Layer l) throws IOException {
            long[] kernel = shapeAttr(l, "kernel", null);
            int spatial = kernel.length;
            String rounding = l.attr("rounding_type");
            List<ProtoWriter> attrs = new ArrayList<>();
            attrs.add(intAttr("ceil_mode", "ceil".equalsIgnoreCase(rounding) ? 1 : 0));
            attrs.add(intAttr("count_include_pad", "true".equalsIgnoreCase(l.attr("exclude-pad")) ? 0 : 1));
            attrs.add(ints("kernel_shape", kernel));
            attrs.add(ints("pads", pads(l, spatial)));
            attrs.add(ints("strides", listAttr(l, "strides", spatial, 1)));
            node(l, "AveragePool", List.of(input(l, 0)), attrs);
        }

        private void reduceMean(Layer l) throws IOException {
            Constant axes = constants.get(input(l, 1));
            if (axes == null || axes.ints() == null) throw unsupported(l, "axes that are not an integer constant");
            boolean keep = "true".equalsIgnoreCase(l.attr("keep_dims"));
            node(l, "ReduceMean", List.of(input(l, 0)),
                    List.of(ints("axes", axes.ints()), intAttr("keepdims", keep ? 1 : 0)));
        }

        private long[] pads(Layer l, int spatial) throws IOException {
            String auto = l.attr("auto_pad");
            if (auto != null && !auto.equals("explicit") && !auto.equals("notset") && !auto.equals("valid")) {
                throw unsupported(l, "auto_pad=" + auto);
            }
            long[] begin = listAttr(l, "pads_begin", spatial, 0);
            long[] end = listAttr(l, "pads_end", spatial, 0);
            if ("valid".equals(auto)) {
                Arrays.fill(begin, 0);
                Arrays.fill(end, 0);
            }
            long[] p = new long[spatial * 2];
            System.arraycopy(begin, 0, p, 0, spatial);
            System.arraycopy(end, 0, p, spatial, spatial);
            return p;
        }

        private void node(Layer l, String op, List<Ref> in, List<ProtoWriter> attrs) throws IOException {
            if (l.outputs().size() != 1) throw unsupported(l, l.outputs().size() + " outputs");
            ProtoWriter n = new ProtoWriter();
            for (Ref r : in) n.string(1, name(r));
            n.string(2, name(new Ref(l.id(), l.outputs().firstKey())));
            n.string(4, op);
            for (ProtoWriter a : attrs) n.message(5, a);
            nodes.add(n);
        }

        private String name(Ref r) {
            return names.computeIfAbsent(r, k -> "t" + k.layer() + "_" + k.port());
        }

        private Ref input(Layer l, int index) throws IOException {
            if (l.inputs().size() <= index) throw unsupported(l, "fewer than " + (index + 1) + " inputs");
            int port = new ArrayList<>(l.inputs().keySet()).get(index);
            Ref src = source.get(new Ref(l.id(), port));
            if (src == null) throw new IOException("layer " + l.id() + " (" + l.name() + ") input " + port
                    + " is not connected");
            return src;
        }
    }

    // ---------------------------------------------------------------- ONNX pieces

    private static ProtoWriter valueInfo(String name, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) shape.message(1, new ProtoWriter().varint(1, d));
        ProtoWriter tensor = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    private static ProtoWriter ints(String name, long[] values) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long v : values) a.varint(8, v);
        return a.varint(20, ATTR_INTS);
    }

    private static ProtoWriter intAttr(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTR_INT);
    }

    /** IEEE 754 half → float; exact for every value including subnormals, infinities and NaN. */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal: mant * 2^-24, exact in float
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    // ---------------------------------------------------------------- XML

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // the IR comes from the network: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the OpenVINO IR .xml cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String tag) throws IOException {
        List<Element> c = children(parent, tag);
        if (c.size() != 1) throw new IOException("expected one <" + tag + "> in <" + parent.getTagName() + ">");
        return c.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        }
        return out;
    }

    private static Layer layer(Element le) throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        for (Element d : children(le, "data")) {
            var attrs = d.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) data.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
        }
        return new Layer(intAttr(le, "id"), le.getAttribute("name"), le.getAttribute("type"), data,
                ports(le, "input"), ports(le, "output"));
    }

    private static TreeMap<Integer, Port> ports(Element le, String tag) throws IOException {
        TreeMap<Integer, Port> out = new TreeMap<>();
        for (Element group : children(le, tag)) {
            for (Element p : children(group, "port")) {
                List<Element> dims = children(p, "dim");
                long[] d = new long[dims.size()];
                for (int i = 0; i < d.length; i++) d[i] = parseLong(dims.get(i).getTextContent().trim(), "dim");
                int id = intAttr(p, "id");
                out.put(id, new Port(id, d, p.getAttribute("precision")));
            }
        }
        return out;
    }

    private static int intAttr(Element e, String name) throws IOException {
        return (int) parseLong(e.getAttribute(name), name);
    }

    private static long parseLong(String s, String what) throws IOException {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad " + what + " '" + s + "' in the OpenVINO IR .xml");
        }
    }

    private static long longAttr(Layer l, String key) throws IOException {
        String v = l.attr(key);
        if (v == null) throw new IOException("layer " + l.id() + " (" + l.name() + ") lacks '" + key + "'");
        return parseLong(v, key);
    }

    private static long[] shapeAttr(Layer l, String key, long[] fallback) throws IOException {
        String v = l.attr(key);
        if (v == null) {
            if (fallback != null) return fallback;
            throw new IOException("layer " + l.id() + " (" + l.name() + ") lacks '" + key + "'");
        }
        if (v.isBlank()) return new long[0];
        String[] parts = v.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = parseLong(parts[i], key);
        return out;
    }

    private static long[] listAttr(Layer l, String key, int n, long fallback) throws IOException {
        if (l.attr(key) == null) {
            long[] d = new long[n];
            Arrays.fill(d, fallback);
            return d;
        }
        long[] v = shapeAttr(l, key, null);
        if (v.length != n) throw new IOException("layer " + l.id() + " (" + l.name() + "): '" + key + "' has "
                + v.length + " values, expected " + n);
        return v;
    }

    private static Port single(Layer l, TreeMap<Integer, Port> ports) throws IOException {
        if (ports.size() != 1) throw unsupported(l, ports.size() + " ports where one is expected");
        return ports.firstEntry().getValue();
    }

    private static IOException unsupported(Layer l, String what) {
        return new IOException("OpenVINO IR layer " + l.id() + " '" + l.name() + "' (" + l.type() + ") uses "
                + what + ", which this converter does not handle. It handles Parameter, Const, Convert, "
                + "Convolution, GroupConvolution, PReLU, Add, Multiply, Sigmoid, AvgPool, ReduceMean and Result.");
    }
}
