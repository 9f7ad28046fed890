// Package tfplan reads Terraform plans and states as an evidence source:
// the JSON that `terraform show -json` writes for a saved plan
// (planned_values, resource_changes, prior_state, configuration) or for a
// state (values), named with `noticevet check -plan FILE`.
//
// A plan knows what the configuration cannot: the region a pipeline sets
// (-var region=…, a variable file kept outside the repository), the
// location of a data source, the resources of a remote module. Each
// data-holding resource (the types package terraform knows) that the plan
// says will exist — not one it only deletes, and not a data source — is
// placed by, in order: its location argument's value, a region or
// location among its values, the region of its ARN, its provider
// configuration's region in the configuration section (a constant, or a
// root variable whose value the plan holds), and its type's default
// location; the one evidence.Placer places that region.
//
// Each resource is mapped back to its block in the repository's .tf and
// .tf.json files (parsed with HCL): the root module is the folder that
// declares most of the plan's root resources and module calls, and module
// calls are followed by their source. A resource of a module the
// repository does not hold (a registry or Git source) is at the module
// call; one whose block is not found at all is at its object in the plan
// file. The evidence's Defined says so. A plan none of whose resources
// the repository declares is an error: it is the plan of another
// repository, or of another folder than the one checked.
//
// Terraform is never run, nothing is fetched, and the plan is read with
// encoding/json within MaxPlanSize; a file that is not the JSON of
// terraform show -json is an error at its line and column.
//
// internal/check joins this evidence with the Terraform reader's: at a
// site both report, the plan's placed evidence replaces the reader's
// unresolved one.
package tfplan
