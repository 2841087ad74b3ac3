/** Injected by webpack.wps.config.js (DefinePlugin): the CADRE functions to register in WPS 表格. */
declare const __CADRE_WPS_FUNCTIONS__: readonly {
  readonly id: string;
  readonly functionName: string;
  readonly metadata: {
    readonly description: string;
    readonly parameters: readonly { readonly name: string; readonly description: string; readonly type: string }[];
    readonly result: { readonly type: string };
  };
}[];
