// The YAML language worker (completion, hover, symbols, formatting), bundled as its own module worker.
import 'monaco-yaml/yaml.worker.js';
