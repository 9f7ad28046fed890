// Package terraform reads a repository's Terraform configuration and
// returns evidence: each place where personal data is stored, replicated
// or made accessible, and the country that place puts it in.
//
// # What it reads
//
// Every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below the folder
// (not below .git, .terraform, vendor, node_modules or testdata; see
// package repo), and the folders of the local modules they call, which may
// lie anywhere inside the repository (Options.Root). Every folder with
// .tf or .tf.json files is a module; the root modules are those under the
// folder that no module calls, including a module folder that nobody
// calls. Each root module is evaluated with its variable defaults,
// overridden by terraform.tfvars, terraform.tfvars.json and
// *.auto.tfvars[.json] in its folder, in Terraform's order. Any other
// variable file is a var-file: it applies to the root module in its own
// folder or, when its folder has no .tf files, to the nearest root module
// above it. Backend settings (backend.tfvars, *.backend.tfvars and their
// .json forms, for terraform init -backend-config) are not variable files
// and are not read. A root module with var-files is evaluated once per var-file,
// and once without one unless a var-file sets a variable that has no value
// without it (Terraform could not run that configuration); the countries
// are the union, and Instances name the variant ("var-file
// env/prod.tfvars", "without var-file", "module.media (var-file
// env/prod.tfvars)"). A variable file in a called module's folder, or with
// no root module above it, is parsed but sets nothing.
//
// Local module calls (source "./x" or "../x") are followed with their
// inputs, their count or for_each, and their providers argument (without
// one, a module inherits its caller's default provider configurations).
// A module evaluated several times with the same inputs and provider
// configurations is evaluated once. A resource inside a module called
// several times is one site: it gives one Evidence per country, whose
// Instances name the module instances ("module.media_kr",
// "module.a.module.b", `module.media["kr"]`) that put it there, and at
// most one unresolved Evidence, whose reasons are joined with "; ".
//
// Override files (override.tf, *_override.tf and their .tf.json forms)
// are merged into the blocks they name, as Terraform merges them: their
// arguments replace the original's, their nested blocks replace the
// original's blocks of the same type.
//
// # How a country is decided
//
// A data-holding resource (the types in datastores.tsv) is placed by its
// own location argument (AWS provider v6 and Huawei Cloud region, Google
// location/region/zone, Azure location...), else by its provider
// configuration's region (its provider argument, else the default
// configuration of its provider), else by a documented default (a Google
// Cloud Storage bucket or BigQuery dataset without a location is in the
// US multi-region). The region is then placed with package regions; a
// multi-region gives one Evidence per country. data "aws_region" reads the
// region of its provider configuration.
//
// Copies are store evidence with Replica set: S3 replication
// configurations (and the legacy inline form), DynamoDB replica blocks and
// aws_dynamodb_table_replica, RDS read replicas (replicate_source_db,
// replication_source_identifier) and Aurora global database secondaries,
// Cloud SQL read replicas, AWS Backup copy actions, Azure geo-redundant
// storage, vaults and backups (the paired region), Cosmos DB geo_location
// blocks other than the write region, OCI replication policies, Alibaba
// OSS bucket replication and Tencent COS replica rules. When a copy's
// destination is itself a data-holding resource read from the repository,
// that resource's evidence is the copy's and the replication block adds
// none (a destination in the same module is marked Replica, Via naming the
// source; one reached through another module's outputs keeps its evidence
// as it is); otherwise the evidence points inside the block that causes
// the copy. A multi-region or dual-region location, and a GCS bucket's
// data_locations, are where the data is rather than copies of it: they
// give one Evidence per country, none marked Replica.
//
// Access evidence comes from the AWS accounts named as principals in
// Allow statements of IAM policies (trust and resource policies, written
// inline, with jsonencode, or as data "aws_iam_policy_document"; identity
// policies such as aws_iam_role_policy name no principal and give none),
// from the accounts named by aws_lambda_permission, aws_ram_principal_association
// and aws_kms_grant, and
// from the network ranges let in by security group and firewall rules
// (AWS, Azure, Google, Alibaba, Tencent, Huawei, OCI). Options.Places
// places an account or range in a country; an account it does not place
// is unresolved. The range 0.0.0.0/0 (the public web) and internal ranges
// (private, shared, loopback, link-local) give no evidence. The account
// Terraform itself runs in is not known statically, so the repository's
// own account is unresolved unless an entity places it; a principal built
// from data "aws_caller_identity" is taken to be that account and gives
// no evidence.
//
// Expressions are evaluated with HCL and go-cty's standard functions:
// variables, locals, maps and lookups, conditionals, count.index and
// each.key/each.value, module outputs, and the arguments of other
// resources as written (location = azurerm_resource_group.app.location).
// What cannot be known statically (a variable with no value, a data
// source, an attribute known only after apply, a function that reads
// files or the clock) makes the evidence Unresolved, with a reason that
// names the expression; it is never guessed and never an error.
//
// # Where evidence points
//
// Pos points at the line inside the resource (or module call) block that
// puts the data there: the location argument if the resource sets one,
// else its provider argument, else its header; for a copy, the argument
// inside the replication block (or, for a destination read from the
// repository, the destination's own line); for access, the account ID or
// network range itself, or the argument that holds it when it is not
// written out literally. Column is the 1-based byte column of the first
// byte of what it points at: the argument's name, the block's type
// keyword (in a .tf.json file, the key naming the block), or the account
// ID or range text.
//
// # What it does not do
//
// It does not run Terraform, read state or plans, call any cloud API, or
// download modules: a module from a registry, Git or any other remote
// source is outside what it reads, and gives no evidence (its outputs are
// unknown). It assumes a resource whose count or for_each cannot be
// evaluated exists. A file that cannot be read or parsed, a local
// module source that is absolute, leaves the repository or does not exist,
// and a module cycle are errors; nothing is skipped silently. A Terraform
// file that is a symbolic link is read when it leads to a regular file
// inside the repository, and is an error otherwise (outside it, nowhere,
// in a loop); a file with a Terraform name that is not a regular file
// (a pipe, a device) is an error. Symbolic links to folders are not walked.
//
// # Limits
//
// Files larger than 10 MiB, nesting deeper than 1000 levels (brackets,
// braces and unary operators, counted everywhere in the file, comments
// included, so that the parser cannot exhaust the stack) and module calls
// nested more than 64 deep are refused with an error. A count or for_each
// of more than 1024 instances is not expanded (the instance key is
// unknown), a location argument listing more than 1024 locations is
// unresolved, and a named value of more than 100000 parts or 4 MiB of
// strings is unknown. Before an expression is evaluated, what its
// evaluation allocates is estimated from its syntax and the sizes of the
// values it refers to (for expressions nested in each other multiply);
// above 16 MiB it is not evaluated and is unknown, "too large to evaluate
// statically". So is one that would make a number of more than 1000
// digits, which takes minutes to write out in decimal, and a function call
// (format widths, indent) whose result would pass the bound. try evaluates
// each argument once. When the estimates of all the expressions evaluated
// add up to more than 16 GiB, the read fails with an error. Memory and
// time therefore grow with the size of the configuration, not with what
// its expressions compute.
//
// # Concurrency and memory
//
// Files are read and parsed concurrently, and root modules are evaluated
// concurrently, each on its own (module instances are shared within a
// root module, not across root modules, so the limits on instances apply
// to each root module). The result does not depend on the order in which
// they finish.
//
// Folders are read in chunks of about a thousand files, in the order of
// their paths, and the root modules of a chunk are evaluated, and their
// syntax trees dropped, before the next chunk is read: memory holds a
// chunk, the modules called so far and the evidence, not every syntax tree
// of the repository. Which folders are root modules, and which variable
// files each reads, is only certain once every folder is read, so a chunk
// evaluates the folders nothing has called yet that configure a provider
// or have variable files (root modules do; shared modules should not) on
// that guess. At the end
// the root modules and their variable files are found from the whole
// graph, and every guess that proves wrong is read again and evaluated
// again, so the evidence is the same as if every file had been read
// first. On any error the folder is read again that way, so that the
// error reported is the first in the order of files, whatever the chunks.
//
// # Layout
//
// The reader is three jobs, in files apart, as tflint keeps its loader,
// parser and evaluator apart from the rules that use them:
//
//   - loading: load.go (walking through repo.View, parsing, the module
//     graph, variable files), module.go and override.go (decoding a
//     module's blocks), stream.go (reading in chunks);
//   - evaluation: eval.go (the reader, module instances, expressions),
//     refs.go (the context an expression needs), resources.go (count,
//     for_each and resource values), instance.go (providers and module
//     calls), values.go, funcs.go (Terraform's functions), cost.go (the
//     cost model that bounds evaluation), collect.go (root modules,
//     variants and records to evidence);
//   - extraction: stores.go (data-holding resources and their location,
//     datastores.tsv, storenames.tsv), access.go (cross-account principals,
//     ingress ranges), replicate.go (copies).
//
// Extraction reads a resource only through its scope (eval, blocks,
// bodies, provenance) and returns records; evaluation calls it at three
// points: scope.resourceRecs for each resource instance,
// module.replicaDests once per module, and scope.policyDocJSON for the
// JSON of an aws_iam_policy_document another expression reads.
//
// Files are read only through repo.View (the walking, link, size and
// nesting rules every source shares); problems are diag.Diagnostics, and
// the process's memory settings are the command's (internal/gctune).
package terraform
