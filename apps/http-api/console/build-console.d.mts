export function buildConsole(sourceDir: string, outdir: string | undefined): Promise<Record<string, Uint8Array>>;
