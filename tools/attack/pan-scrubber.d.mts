export const PAN_PLACEHOLDER: string;
export function scrubPans(text: string): string;
export function scrubPath(path: string): string;
