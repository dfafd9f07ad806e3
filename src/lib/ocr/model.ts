/**
 * Where the English recognition model lives (Node only): vendor/tessdata_fast, see its README for where it
 * comes from and why it is this model.
 */
import { fileURLToPath } from 'node:url';

/** folder holding eng.traineddata.gz */
export const MODEL_DIR = fileURLToPath(new URL('../../../vendor/tessdata_fast/', import.meta.url));
export const MODEL_VERSION = 'tessdata_fast-4.1.0';
