// A Kubernetes schema validator left out of the bundle (scripts/schemas-in-use.mjs): it
// always fails, naming the schema. ajv-i18n rewrites error messages but shows the
// keyword, so the keyword says it.
export function leftOut(name) {
  const keyword = `${name}, left out of create-pod-pattern's bundle as no generated manifest used it (scripts/schemas-in-use.mjs)`;
  return function validate(_data, { instancePath = '' } = {}) {
    validate.errors = [{ instancePath, schemaPath: '#', keyword, params: {} }];
    return false;
  };
}
