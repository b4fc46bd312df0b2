// The API's OpenAPI description as a page, offline: every endpoint with its parameters.
"use strict";

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const box = document.getElementById("endpoints");
  box.append(element("p", spec.info.description || ""));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const section = element("section");
      section.append(element("h2", `${method.toUpperCase()} ${path}`));
      section.append(element("p", operation.summary || "", "muted"));
      const list = element("ul");
      for (const parameter of operation.parameters || []) {
        const schema = parameter.schema || {};
        const type = schema.type || (schema.anyOf || []).map((s) => s.type).join(" or ");
        list.append(element("li", `${parameter.name} (${parameter.in}, ${type}`
          + `${parameter.required ? ", required" : ""}): ${parameter.description || ""}`));
      }
      section.append(list);
      box.append(section);
    }
  }
}

main();
