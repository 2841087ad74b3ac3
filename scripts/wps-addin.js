/**
 * The WPS 表格 add-in's generated files (WPS 加载项发布文件), used by webpack.wps.config.js:
 *
 * - functions.json and the registration list of the CADRE functions, converted from the metadata
 *   custom-functions-metadata generates for Excel (src/functions/functions.ts). WPS's format is
 *   what wpsjs 2.2.3 generates (src/vite_plugins.js, generateFunctionsJson): { functions: [{ name,
 *   description, parameters: [{ name, description, type }], result: { type } }] }, types
 *   "string" | "number" | "bool" | "any", "[]" per array level, "?" for an optional parameter;
 *   the ET template's manifest.xml names it (<Functions><Uri>/functions.json</Uri><Namespace>).
 *   Registration is wps.AddCustomFunction(namespace, name, callback, metadata) (wpsjs's generated
 *   register code; npm et-jsapi-declare addon.et.d.ts).
 * - publish.xml (离线部署, offline): the add-in folder "<name>_<version>" copied into the user's
 *   jsaddons directory beside this file, as wpsjs build's CreatePublishXml / copy.bat do
 *   (wpsjs 2.2.3 src/lib/build.js): <jsplugins><jsplugin name type="et" url="<name>_<version>"
 *   version enable="enable_dev" install="null" customDomain=""/></jsplugins>.
 * - jsplugins.xml (在线部署 / oem.ini JSPluginsServer): an online entry
 *   <jspluginonline name type="et" url="http://server/path/"/> as wpsjs debug writes it
 *   (src/lib/debug_xmlplugin.js); the WPS client is pointed at this file by oem.ini
 *   [Server] JSPluginsServer=… with [Support] JsApiPlugin=true.
 * Pure functions (tested in tests/unit/wps/wps-addin-files.test.ts).
 */
'use strict';

const NAME = 'cadre-ledger';

function wpsType(type, dimensionality, optional) {
  const base = type === 'number' ? 'number' : type === 'string' ? 'string' : type === 'boolean' ? 'bool' : 'any';
  return `${base}${dimensionality === 'matrix' ? '[][]' : ''}${optional ? '?' : ''}`;
}

/** Excel metadata (functions.json of custom-functions-metadata) + associations → WPS functions. */
function wpsFunctions(excelMetadata, associate) {
  const fnName = new Map(associate.map((a) => [a.id, a.functionName]));
  return excelMetadata.functions.map((f) => {
    const functionName = fnName.get(f.id);
    if (!functionName) throw new Error(`No JavaScript function is associated with ${f.id}`);
    return {
      id: f.id,
      functionName,
      metadata: {
        name: f.name,
        description: f.description ?? '',
        parameters: (f.parameters ?? []).map((p) => ({ name: p.name, description: p.description ?? '', type: wpsType(p.type, p.dimensionality, p.optional) })),
        result: { type: wpsType(f.result?.type, f.result?.dimensionality, false) },
      },
    };
  });
}

function functionsJson(list) {
  return JSON.stringify({ functions: list.map((f) => f.metadata) }, null, 2);
}

const xmlAttr = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

function folderName(version) {
  return `${NAME}_${version}`;
}

function publishXml(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${NAME}" type="et" url="${xmlAttr(folderName(version))}" version="${xmlAttr(version)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

function jspluginsXml(baseUrl) {
  if (!/^https?:\/\//.test(baseUrl)) throw new Error(`WPS_ADDIN_URL must be an http(s) URL: ${baseUrl}`);
  const url = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}"/>
</jsplugins>
`;
}

module.exports = { NAME, wpsFunctions, functionsJson, folderName, publishXml, jspluginsXml };
