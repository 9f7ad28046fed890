// Package tfeval loads a repository's Terraform configuration and
// evaluates it: it walks and parses the files, builds the module graph,
// reads in chunks, and evaluates every root module and the module
// instances it calls, within a cost budget. What the configuration means
// for personal data is not its business: it hands each evaluated resource
// instance to an Extractor (package terraform's) and merges what that
// returns into evidence. It is the loader, parser and evaluator kept apart
// from what uses them, as tflint keeps its terraform package apart from
// its rules; it is named for evaluation, the part extraction depends on.
//
// # What it reads
//
// Every *.tf, *.tf.json, *.tfvars and *.tfvars.json file below the folder
// (not below .git, .terraform, vendor, node_modules or testdata; see
// package repo), and the folders of the local modules they call, which may
// lie anywhere inside the repository (the view's root). Every folder with
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
// without it (Terraform could not run that configuration); the evidence
// is the union, and Instances name the variant ("var-file
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
// Expressions are evaluated with HCL and go-cty's standard functions:
// variables, locals, maps and lookups, conditionals, count.index and
// each.key/each.value, module outputs, and the arguments of other
// resources as written (location = azurerm_resource_group.app.location).
// What cannot be known statically (a variable with no value, a data
// source, an attribute known only after apply, a function that reads
// files or the clock) is unknown, with a reason that names the expression
// (Scope.Eval gives it); it is never guessed and never an error.
//
// # What it does not do
//
// It does not run Terraform, read state or plans, call any cloud API, or
// download modules: a module from a registry, Git or any other remote
// source is outside what it reads (its outputs are unknown). It does not
// decide what a resource holds or where: that is the Extractor's. It
// assumes a resource whose count or for_each cannot be evaluated exists.
// A file that cannot be read or parsed, a local module source that is
// absolute, leaves the repository or does not exist, and a module cycle
// are errors; nothing is skipped silently. A Terraform file that is a
// symbolic link is read when it leads to a regular file inside the
// repository, and is an error otherwise (outside it, nowhere, in a loop);
// a file with a Terraform name that is not a regular file (a pipe, a
// device) is an error. Symbolic links to folders are not walked.
//
// # Limits
//
// Files larger than 10 MiB, nesting deeper than 1000 levels (brackets,
// braces and unary operators, counted everywhere in the file, comments
// included, so that the parser cannot exhaust the stack) and module calls
// nested more than 64 deep are refused with an error. A count or for_each
// of more than 1024 instances (MaxExpand, which extraction takes as its
// bound on locations too) is not expanded (the instance key is unknown),
// and a named value of more than 100000 parts or 4 MiB of strings is
// unknown. Before an expression is evaluated, what its
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
// # Extraction
//
// The evaluator calls its Extractor at three points: Prepare once for
// each module as it is read, before any instance of it is evaluated (root
// modules are evaluated concurrently and share the modules they call, so
// what extraction needs of a whole module is made there); Evidence for
// each instance of each managed resource; and Computed for an attribute
// of a resource that the configuration does not set (the JSON of an
// aws_iam_policy_document, for instance, which another expression reads).
// Extraction sees the evaluator only through Scope (evaluate, expand
// dynamic blocks, point at source positions), Module, Resource and the
// helpers Attr, BlocksOf, Str, UnmarkDeep, Unknown, Why and OwnAccount; the
// evaluator's own types stay unexported. So the dependency goes one way:
// package terraform imports tfeval, never the reverse. Places (regions,
// accounts, networks) are extraction's: the evaluator holds no Placer.
//
// # Layout
//
//   - loading: load.go (walking through repo.View, parsing, the module
//     graph, variable files), module.go and override.go (decoding a
//     module's blocks), stream.go (reading in chunks);
//   - evaluation: eval.go (the reader, module instances, expressions),
//     refs.go (the context an expression needs), resources.go (count,
//     for_each and resource values), instance.go (providers and module
//     calls), dynamic.go (dynamic blocks), values.go, funcs.go
//     (Terraform's functions), cost.go (the cost model that bounds
//     evaluation), collect.go (root modules, variants, and the records
//     the extractor gives merged into evidence);
//   - the seam: extract.go (Extractor, Config, Read, and what extraction
//     may see).
//
// Files are read only through repo.View (the walking, link, size and
// nesting rules every source shares); problems are diag.Diagnostics, and
// the process's memory settings are the command's (internal/gctune).
package tfeval
