import { addScaled } from '../../money/addScaled.js';
import { compareScaled } from '../../money/compareScaled.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { subtractScaled } from '../../money/subtractScaled.js';

// Small helpers over exact quantities, shared by the order transitions.

export const ZERO_QTY: Scaled = /* @__PURE__ */ scaledOf(0n, 0);

export const add = (a: Scaled, b: Scaled): Scaled => addScaled(a, b);
export const sub = (a: Scaled, b: Scaled): Scaled => subtractScaled(a, b);
export const lte = (a: Scaled, b: Scaled): boolean => compareScaled(a, b) <= 0;
export const lt = (a: Scaled, b: Scaled): boolean => compareScaled(a, b) < 0;
export const eq = (a: Scaled, b: Scaled): boolean => compareScaled(a, b) === 0;
export const isZero = (a: Scaled): boolean => a.units === 0n;
export const max = (a: Scaled, b: Scaled): Scaled => (compareScaled(a, b) >= 0 ? a : b);
