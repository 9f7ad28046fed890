// Package terraform reads a repository's Terraform configuration and
// returns evidence: each place where personal data is stored, replicated
// or made accessible, and the country that place puts it in. It is the
// Terraform evidence source (Source, Read) and its extraction: package
// tfeval loads and evaluates the configuration and hands each evaluated
// resource instance to this package's extractor, which decides what the
// resource holds, where, and who may reach it. Callers import this
// package; only it imports tfeval.
//
// # What it reads
//
// Every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below the folder
// and the local modules they call, inside the repository (Options.Root);
// each root module is evaluated with its variable files, once per
// var-file. Package tfeval says which folders are root modules, which
// variable files apply, how module calls and override files are followed,
// and how a resource in a module called several times becomes one
// Evidence per country whose Instances name the module instances.
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
// It does not run Terraform, read state or plans, or call any cloud API:
// what it knows is what the configuration says. What cannot be known
// statically (see package tfeval) makes the evidence Unresolved, with a
// reason that names the expression; it is never guessed and never an
// error. A location argument listing more than 1024 locations
// (tfeval.MaxExpand) is unresolved. What cannot be read, and the limits on
// reading and evaluating, are package tfeval's.
//
// # Layout
//
//   - terraform.go: Read and Source;
//   - extract.go: the tfeval.Extractor, the three places evaluation calls
//     extraction (Prepare, Evidence, Computed);
//   - stores.go: data-holding resources and their location, the store
//     each names (datastores.tsv, storenames.tsv);
//   - access.go: cross-account principals and ingress ranges;
//   - replicate.go: copies.
//
// Extraction reads a resource only through its tfeval.Scope (evaluate,
// expand dynamic blocks, point at positions) and returns evidence seen
// from the module instance; tfeval names the instances and merges.
package terraform
