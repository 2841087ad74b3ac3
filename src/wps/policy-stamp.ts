/**
 * WPS 表格: the task pane and the add-in's main page (where the CADRE functions run) are separate
 * pages sharing only PluginStorage ("与 LocalStorage 用法类似…在一个 jsapi 插件的不同网页间共享数据",
 * npm et-jsapi-declare index.d.ts). After the pane saves settings it writes a new stamp; the
 * functions reload the policy when the stamp they loaded under differs.
 */
export const POLICY_STAMP_KEY = 'cadre.policy.stamp';

export interface PluginStorageLike {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}
