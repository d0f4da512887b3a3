// Nx loads generators with require(); on Node 20 it cannot load TypeScript by itself, so this
// entry point hands the TypeScript implementation to tsx (already a dev dependency).
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./adapter-generator.ts', __filename).default;
