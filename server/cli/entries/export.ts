/** `trial export`, loaded when it runs (dist/cli-export.js): validates records with zod, jitless. */
import '../jitless-zod';
import { keepUcumAnswers } from '../../io/ucum-answers';
export * from '../export';

// The units library's answers of earlier runs of this build (the library loads only for new questions).
keepUcumAnswers();
