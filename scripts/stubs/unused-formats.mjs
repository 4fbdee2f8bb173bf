// The Kubernetes schemas that kubernetes-models validates use only the formats int32,
// int64, byte, date-time, double and quantity (tests/bundle-matches-source.test.ts checks this).
// The draft-2019 formats (IDN e-mail, IRI, ...) and CIDR pull in parsers the CLI never runs.
export default {};
