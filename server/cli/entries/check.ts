/** `trial check`, loaded when it runs (dist/cli-check.js). No zod: the checks use registry/formats.ts, not the schema. */
import { keepUcumAnswers } from '../../io/ucum-answers';
export * from '../check';

// The units library's answers of earlier runs of this build (the library loads only for new questions).
keepUcumAnswers();
