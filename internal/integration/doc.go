// Package integration tests noticevet where other tools run it: the
// pre-commit hook that .pre-commit-hooks.yaml declares and the composite
// GitHub Action that action.yml defines, both at the repository root. It has
// no code of its own; the formats those integrations read are tested in
// internal/report.
package integration
