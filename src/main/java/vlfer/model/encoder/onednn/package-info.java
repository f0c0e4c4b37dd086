/**
 * oneDNN called directly (JavaCPP's {@code org.bytedeco:dnnl} presets, CPU only): primitives built
 * once per shape and kept, tensors kept in oneDNN's blocked layout between them. libnd4j's own
 * oneDNN calls convert DL4J's plain tensors to and from that layout on every call, which cost
 * more than the convolutions themselves.
 */
package vlfer.model.encoder.onednn;
