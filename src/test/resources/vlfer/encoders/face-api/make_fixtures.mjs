// Computes the published face-api expression model's outputs with face-api's own code on
// TF.js's CPU kernels, for the face crops and for seeded random inputs; writes fixtures.json.
import fs from 'fs';
import path from 'path';
import { PNG } from 'pngjs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
// the package's build for Node with TF.js (pure JavaScript); its CPU backend is used below
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;

const [modelDir, outFile, ...pngs] = process.argv.slice(2);
await tf.setBackend('cpu');
await tf.ready();
const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'face_expression_model-weights_manifest.json')));
const buffer = fs.readFileSync(path.join(modelDir, 'face_expression_model.bin'));
const weights = tf.io.decodeWeights(new Uint8Array(buffer).buffer, manifest[0].weights);
const net = new faceapi.FaceExpressionNet();
net.loadFromWeightMap(weights);

function rgb(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const data = new Float32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    for (let c = 0; c < 3; c++) data[i * 3 + c] = png.data[i * 4 + c];
  }
  return tf.tensor4d(data, [1, png.height, png.width, 3]);
}

// mulberry32: the same seeded stream is regenerated in the Java test
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function run(tensor) {
  const input = await faceapi.toNetInput(tensor);
  const features = net.faceFeatureExtractor.forwardInput(input);
  const probabilities = net.forwardInput(input);
  return { features: Array.from(features.dataSync()), probabilities: Array.from(probabilities.dataSync()) };
}

const out = { labels: faceapi.FACE_EXPRESSION_LABELS ?? ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
  tfjs: tf.version.tfjs, backend: tf.getBackend(), photos: {}, random: [] };
for (const file of pngs) {
  const r = await run(rgb(file));
  out.photos[path.basename(file)] = r;
}
for (const seed of [1, 2, 3]) {
  const next = random(seed);
  const data = new Float32Array(112 * 112 * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(next() * 256);
  out.random.push({ seed, ...(await run(tf.tensor4d(data, [1, 112, 112, 3]))) });
}
fs.writeFileSync(outFile, JSON.stringify(out, null, 1));
for (const [name, r] of Object.entries(out.photos)) {
  const best = r.probabilities.indexOf(Math.max(...r.probabilities));
  console.log(name, out.labels[best], r.probabilities.map((p) => p.toFixed(4)).join(' '));
}
