/**
 * Stands in for jszip in the bundles (scripts/bundle.mjs). mammoth loads jszip to open an archive, but
 * Report Lens hands it one already opened by its bounded reader (zipReader.ts), so jszip and its
 * inflater (about 350 kB of the extension) would ship unused. Should mammoth reach it after all, the
 * user gets a clear error rather than an unbounded unzip.
 */
function unused(): never {
  throw new Error('jszip is not bundled: Word documents are opened by Report Lens\'s own zip reader');
}

export default { loadAsync: unused };
export const loadAsync = unused;
