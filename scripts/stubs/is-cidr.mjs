// See unused-formats.mjs: no schema the CLI validates uses the "cidr" format.
export default function isCidr() {
  throw new Error('the cidr format is not bundled in create-pod-pattern');
}
