// Package analyzer defines noticevet's go/analysis Analyzer: it reports
// the Go calls that send or store personal data where the privacy notice
// says the data does not go.
//
// # Analyzer noticevet
//
// noticevet: report Go calls that send or store personal data where the
// privacy notice says it does not go
//
// The analyzer finds export sites — calls that send personal data over the
// network or store it in a database, a bucket or a queue — decides the
// country each one puts the data in, turns them into evidence and applies
// noticevet's rules (package internal/rules, the same engine as
// `noticevet check`). A finding is reported at the call, as
//
//	file:line:col: <message> [<rule>]
//
// for the rules false-claim, undisclosed-country and
// unresolved-destination. Findings about the notice alone
// (no-country-named, translation-mismatch, an "outside the country"
// statement with no home country) are not reported: they do not belong to
// any package, and go vet would repeat them once per package; `noticevet
// check` reports them once.
//
// What `noticevet check` does not report, go vet does not either: the
// configuration's ignore blocks (paths relative to the folder of
// .noticevet.hcl), noticevet:ignore comments with a reason on the call's
// line or alone on the line above it, and the findings of a baseline named
// with -noticevet.baseline (a `noticevet check -format json` output) go
// through the same code in both.
//
// A package with export sites and no notice found is one diagnostic at its
// package clause, saying its calls are not checked;
// -noticevet.allow-missing-notice silences it.
//
// It is a go vet tool (package vettool; the noticevet command is one):
//
//	go vet -vettool=$(command -v noticevet) ./...
//	go vet -vettool=$(command -v noticevet) -noticevet.notice=legal/privacy.md ./...
//
// The same analyzer runs in golangci-lint as a module plugin (package
// golangci, its settings named as the flags are) and in any other driver:
// New makes one with Options instead of flags.
//
// # The notice and the configuration
//
// Without flags, the notice is found by walking up from the package's
// folder to the module root (the folder with go.mod) and on to the
// repository root (the folder with .git) when there is one, else to the
// workspace root (the nearest go.work above the module): the first
// folder holding PRIVACY.md, PRIVACY.*.md, privacy*.md or docs/privacy*.md
// gives the notices, and the nearest .noticevet.hcl the configuration.
// -notice (which may repeat, or list paths separated by commas) and -config
// name them instead; a relative path is looked for in the current folder
// and then at the module root (go vet runs the tool in each package's
// folder). A package with export sites and no notice gets one diagnostic
// at its package clause (none with -allow-missing-notice); a -notice or
// -config file that does not exist is an error.
//
// A dependency is not checked, only the facts it exports are used: a
// package whose module has a version (as go vet and go/packages say), or,
// with a driver that does not say (pass.Module nil), one whose files lie
// in the module cache, GOROOT or a vendor folder.
//
// The package's Go files are read through the driver (pass.ReadFile), so
// editor overlays and sandboxes are honoured. The notices, .noticevet.hcl
// and a baseline are not files of any package, so no driver declares them:
// they are read from disk, each a regular file of bounded size.
//
// # Export sites
//
//   - net/http: Get, Head, Post, PostForm (functions and Client methods),
//     Client.Do and RoundTrip of a request built with NewRequest or
//     NewRequestWithContext. The URL decides the host; URLs built with
//     net/url (url.URL literals, url.Parse, JoinPath) are followed.
//   - gRPC (google.golang.org/grpc): Dial, DialContext and NewClient give a
//     connection to a target (dns:///, passthrough:///; unix: is local, xds:
//     is not decided); a call of a client stub made from the connection, or
//     Invoke, is the site.
//   - database/sql: Open's DSN decides the host: key=value
//     ("host=db.example.kr"), URL ("postgres://u@host/db") and MySQL
//     ("user@tcp(host:3306)/db"); SQLite, Unix sockets and DSNs with no
//     host are local. Exec, Query, QueryRow (and their Context forms, on a
//     DB, Tx, Conn or Stmt) given personal data are sites. What the call
//     does is read from its SQL text when it is known statically (its
//     leading keyword, or for WITH the statement after the common table
//     expressions): INSERT, UPDATE, MERGE, REPLACE "store"; SELECT and
//     VALUES "read"; DELETE and TRUNCATE "delete". Text not known (a
//     parameter, a prepared statement) or not one of these stays "store".
//     A read or a delete sends its key (a user ID, an email) to the
//     database: storage statements do not speak of it, transfer
//     statements do. A call of a store client that takes no SQL text
//     reads or deletes by its method's name (Find..., First, All, Load,
//     Query..., List..., Get..., Head..., Stat..., Download...; Delete...,
//     Del, Remove..., Destroy), unless it runs a query built from SQL text
//     (pop's tx.RawQuery("DELETE ...", id).Exec()), which the text
//     decides. A call of an interface or type of the module, or of a
//     dependency's type that holds a database, that reaches a store is
//     one of that store, and its SQL text or name says the same.
//   - net.Dial, net.DialTimeout, net.Dialer, crypto/tls.Dial: writing
//     personal data to the connection (Write, fmt.Fprintf, an encoder on it).
//   - net/smtp: SendMail, and the methods of a Client from Dial (or from
//     NewClient on a connection dialled first). A recipient's address
//     (Client.Rcpt, SendMail's to) is personal data unless it is constant
//     text; the sender's (Client.Mail, SendMail's from) is not.
//   - HTTP client and mail libraries, from the SDK table: go-retryablehttp
//     (NewRequest + Client.Do, Post, PostForm, Get), gomail (NewDialer or a
//     Dialer{Host} literal, then DialAndSend; a message names its
//     recipients, so a send always carries personal data) and
//     wneessen/go-mail (NewClient(host), then DialAndSend or Send). The
//     mail server is the destination.
//   - Clients generated by oapi-codegen, known by their shape (a Client
//     with Server string and a Client field whose interface has
//     Do(*http.Request)), in the package or a dependency: a call of an
//     operation on Client, ClientWithResponses or their interfaces is the
//     site, placed by the server URL given to NewClient or
//     NewClientWithResponses (or WithBaseURL).
//   - AWS SDK for Go v2: config.LoadDefaultConfig with config.WithRegion,
//     aws.Config{Region}, cfg.Region = ..., per-client options
//     (func(o *s3.Options) { o.Region = ...; o.BaseEndpoint = ... }) and
//     s3.New(s3.Options{...}); SDK v1: aws.Config{Region: aws.String(...)},
//     aws.NewConfig().WithRegion, session.NewSession,
//     session.NewSessionWithOptions, service.New(sess, cfgs...),
//     s3manager.NewUploader. A client method given personal data is the
//     site; S3, DynamoDB, RDS Data, Kinesis, Firehose, CloudWatch Logs and
//     the like "store", the others "send". With no region in the code, the
//     region comes from the environment: unresolved-destination.
//   - Google Cloud: option.WithEndpoint("<region>-aiplatform.googleapis.com")
//     on any client of cloud.google.com/go; Cloud Storage buckets placed by
//     the BucketAttrs{Location} they are created with in the package (no
//     attributes: US); BigQuery datasets by DatasetMetadata{Location}. A
//     bucket or dataset not created in the package, or a client on the
//     global endpoint, is not decided.
//   - Azure SDK (github.com/Azure/azure-sdk-for-go): clients made from a
//     service URL or a connection string. Public-cloud hosts
//     (*.blob.core.windows.net) name no region and are not decided by go
//     vet unless the configuration places them; sovereign clouds are
//     (*.chinacloudapi.cn, *.usgovcloudapi.net).
//   - SaaS and datastore SDKs, from the table
//     internal/goevidence/sdks.tsv (one row per entry point, with its
//     vendor, default hosts, how an endpoint is set, the data it carries
//     and its source page): stripe-go (resource New and Update, and the
//     client.API forms), discordgo (ChannelMessageSend and the other
//     message sends, WebhookExecute), firebase.google.com/go messaging
//     (Send, SendEach, SendMulticast...) and auth (CreateUser, UpdateUser,
//     ImportUsers), Firestore writes, google.golang.org/api
//     androidpublisher acknowledgements, gmail Send and sheets value
//     writes, webpush-go, sendgrid-go, twilio-go (messages, calls,
//     verifications), mailgun-go, postmark (keighl/postmark,
//     mrz1836/postmark), slack-go, sentry-go, segment analytics-go,
//     posthog-go, mixpanel (dukex/mixpanel, mixpanel-go), amplitude
//     analytics-go, datadog-go statsd, dd-trace-go v1 and v2,
//     datadog-api-client-go logs, newrelic go-agent v3, launchdarkly
//     go-server-sdk, auth0 go-auth0 management (v1), okta-sdk-golang
//     (v2, and v5 and later), openai-go (and its /vN paths), anthropic-sdk-go, minio-go,
//     go-redis, mongo-driver, jackc/pgx, sarama, franz-go,
//     segmentio/kafka-go, nats.go, the amqp clients, go-elasticsearch
//     (es.Index and the other function fields of its client),
//     olivere/elastic (a service's Do) and go-resty (a
//     request's URL, or a path under its client's SetBaseURL). The call is the
//     site, named as the service calls it
//     (discordgo.Session.ChannelMessageSend), placed by its vendor's
//     default host, or by the endpoint the code gives it (minio.New's
//     endpoint, redis.Options{Addr}, Segment's Config{Endpoint},
//     option.WithBaseURL, a pgx DSN, Kafka brokers, a NATS or AMQP URL,
//     elasticsearch.Config{Addresses}, the DSN given to sentry.Init in the
//     same package, mixpanel.EuResidency(), Amplitude's ServerZone or
//     ServerURL, LaunchDarkly's RelayProxyEndpoints, the Auth0 tenant
//     domain, Okta's WithOrgUrl, the agent given to tracer.Start, the
//     region prefix of a New Relic license key); an endpoint not known
//     statically is unresolved-destination naming where it comes from.
//     DogStatsD and dd-trace-go send to the local agent unless an
//     address says otherwise (no export); the Datadog API client's log
//     submissions are placed by the "site" server variable of the
//     request's context, and unresolved without one (DD_SITE). The SDKs'
//     own code is not followed. A method of a vendor's client that the
//     table does not name (a read, a deletion) is no site. Region
//     setters move a client from the default host: twilio-go's SetRegion
//     and SetEdge (api.dublin.ie1.twilio.com), sendgrid-go's
//     SetDataResidency ("eu": api.eu.sendgrid.com) and mailgun-go's
//     SetAPIBase (APIBaseEU: api.eu.mailgun.net); a region not known
//     statically is unresolved-destination naming the setter.
//   - Stores named in the code: the bucket, table, stream, log group or
//     queue an AWS SDK input names (s3.PutObjectInput{Bucket:
//     aws.String("media")}; an SQS QueueUrl's last path segment, even after
//     a part from the environment),
//     the Cloud Storage bucket or BigQuery dataset a Google client opens, the
//     storage or Cosmos DB account of an Azure host. The name is part of the
//     site's name ("s3.Client.PutObject to bucket media"), and `noticevet
//     check` places the call where the Terraform resource that defines the
//     store is (aws_s3_bucket with that bucket, azurerm_storage_account with
//     that name, ...): always for a bucket or an account, whose name holds in
//     every region, whatever region the client is set to; for a table,
//     stream, log group or queue, whose name holds in one region, only when the code
//     does not set the region. The tables are internal/evidence/stores.tsv,
//     internal/goevidence/storenames.tsv and internal/terraform/storenames.tsv.
//     go vet sees no Terraform: there the site is placed by the code alone.
//   - A function of another package (or of this one) that sends what it
//     is given: partner.PostJSON(url, v), client.Send(...), store.Save(c).
//     The call that gives it personal data, or says something of where it
//     goes (a URL, host, bucket or region, or the flag or variable it comes
//     from), is the site, instead of the call inside; a caller that only
//     passes on what it is given, or hands over a client whose destination
//     is not known either, is not, and the call inside is the site, once
//     for all callers. The message names the function and the call inside
//     it that sends, however many helpers lie between them:
//     "partner.PostJSON (http.Post) to api.partner.cn"; several calls
//     inside that reach one destination are one site ("repo.Save
//     (sql.DB.Exec and 2 more)"), and callers that supply only the data to
//     the same call and destination are one finding (noticevet check keeps
//     the first in path order).
//   - A method of an interface of the module (a seam for test fakes: a
//     push sender, a shim over a payment SDK) is followed to its
//     implementations in the module, as a function of another package is:
//     "server.billing.UpdateCustomer (customer.Update) to api.stripe.com".
//   - A function of a dependency (another module) is the site where the
//     service calls it, named as called ("chat.Session.Send"), never by its
//     insides; one whose destination is not known is reported only when it
//     ends in a network call (HTTP, SMTP, gRPC, SQL, websocket), not when
//     it writes to a logger or a hash.
//
// Hosts are placed by the configuration's host and entity blocks first,
// then by the public rules of package internal/hosts (cloud endpoints that
// name a region, SaaS regions, country-code top-level domains other than
// the ones used as generic names, such as .io). Loopback hosts are not
// exports. A host no rule places, an internal name ("db", "*.svc") or a
// private address is unresolved-destination.
//
// # Destinations
//
// A destination is decided statically from: string constants (of any
// package), concatenation, fmt.Sprintf with a constant format,
// net.JoinHostPort, strings.TrimSuffix and the like, aws.String;
// variables (every assignment counts: a variable assigned once is decided);
// struct fields (every assignment and literal in the package, and what the
// field's package exports); what a function returns (in the package, and
// through facts for other packages); a parameter, from the calls of the
// function in the package when it is not exported; a function literal's
// parameter, from what the function it is given passes it (db.InTx(ctx,
// func(tx pgx.Tx) error {...}) calling f(tx)); a client's base URL set
// by its constructor (c.base of New(base)). Several possible values give
// several findings at the same call. os.Getenv, flag values, command-line
// arguments and the results of unknown functions are holes: a host inside
// a hole is unresolved-destination, naming the hole
// ("the URL comes from os.Getenv(\"PARTNER_URL\")"). Under go vet it stays
// so; noticevet check places such a call by the value the repository's
// .env, Compose or configuration files give the variable or key (see the
// README, "Application configuration").
//
// Calls that carry no personal data are no sites, whatever they are given
// (internal/goevidence/nonexports.tsv): the clients of the local Docker
// daemon (github.com/docker/docker/client, dockertest, testcontainers-go),
// the OpenTelemetry metrics SDK and its exporters (aggregated
// measurements), an SDK's metric descriptors (CreateMetricDescriptor: a schema, not
// data), database/sql's Begin, Prepare and Ping (the values come with the
// statement), and a context argument. Calls to the local machine
// (localhost, 127.0.0.0/8, ::1, Unix sockets, SQLite files) are no exports,
// nor a handler's reply (its http.ResponseWriter or a framework's response
// that is one, http.Redirect, a gRPC server's stream), a logging library's
// logger held beside a service's clients (logrus, zap, zerolog, slog), a URL a cloud SDK
// signs in memory (a presign client's PresignGetObject, Cloud Storage's
// SignedURL), writes
// into a buffer in memory (*bytes.Buffer, strings.Builder) or a local
// file, net's values (IPNet.Contains), and a dependency's API that writes,
// not over the network, where its own code was given the connection
// (readline's remote console behind a terminal prompt).
//
// # Personal data
//
// A call is a site only when what it sends is derived from personal data,
// decided by names and tags:
//
//   - a struct field whose name has a word of personal data anywhere
//     (Email, Phone, FirstName, UserID, ClientIP, DateOfBirth, PostalCode,
//     DeviceID, Latitude, ...), or a weaker word (Name, Address, Location,
//     Message, Body, Photo, IP, ID, ...), or a free-form field (any,
//     map[string]any, json.RawMessage: a user's Public profile), in a
//     struct about a person (its
//     type name says User, Customer, Member, Profile, ..., and not a part
//     of the service after it: UserService, IdentityProvider) or one that has
//     a strong field (Photo{UserID, Image}), where an ID after another
//     word is that thing's (Photo's AlbumID, HealthAuthorityID) unless the
//     word is a person's (OwnerID) or the struct is named for a person
//     (User.GoogleID); the words are internal/goevidence/personal.tsv,
//     each with its source; a struct named for what a
//     person writes (Message, Chat, Conversation, Signup, Comment, ...)
//     only with a field that holds personal data by itself
//     (ChatMessage{Text, Author User}) or a free-form one (Post{From,
//     Content any}): a message of IDs is not personal;
//     the Username, User or UserAgent of a client's configuration (a
//     struct named ...Config, ...Options, ...Settings with a password,
//     secret, token or key field) is the service's own account, not a
//     person's; and no field of an operator's configuration (a struct
//     named ...Config, ...Configuration, ...Conf, ...Cfg, or declared in
//     a package so named, not about a person: a template URL named
//     EmailChange, a relying party's display name, a sender's address),
//     nor of a struct whose fields name where data is
//     (FieldMapping{Email}: a claim's name), is personal by its name, only
//     by its tag or type; a strong word followed by a word naming
//     something about the data (UserIDClaimName, EmailTemplate,
//     ClientIPHeader) is that thing's name; a bool field (EmailOptional,
//     gin's ForwardedByClientIP) is a switch about the data, not the data,
//     and makes neither itself nor its struct personal by its name;
//   - a field tagged `privacy:"personal"`; `privacy:"public"` (or "-")
//     marks a field as not personal whatever its name;
//   - a value of a type holding such a field (or a pointer, slice, map of
//     one), of a named type with such a name (type Email string), a
//     parameter or variable so named (email string, and a number: userID
//     int64, latitude float64; not a bool); a struct literal is
//     weighed on the fields it sets to values that are not constants
//     (Event{Class: "s3", Name: name} of a type that also has a UserID is
//     not personal, Event{UserID: id} is);
//   - the result of a getter given such a key: r.FormValue("email"),
//     r.Header.Get("X-Real-IP"), m["phone"].
//
// Personal data flows through assignments, composite literals, append,
// conversions, +, fmt, json/xml/gob/protocol-buffer encoding,
// bytes.Buffer, strings.Builder, url.Values, io.Writer wrappers (gzip,
// multipart, encoders), closures, and functions: a call of an unknown
// function given personal data returns personal data (unless it returns
// only booleans, numbers or errors); a method that returns no data stores
// what it is given in its receiver (buf.WriteString(s)), except a part of
// the service given through an interface of the checked code
// (c.SetHooksHandler(h): wiring, not data), and except where the method
// is the checked module's own and its body writes none of it into the
// receiver (a store's UpdateOnly(model) that hands the model to its
// connection's Update: a constant statement run later on that connection
// sends no one's data); functions of the package are
// followed through their bodies, those of other packages through facts.
// Taint is kept field by field where a value is written field by field: a
// message built clean and then given the sender's address (m.Sender = ip)
// is personal in that field only, and a function that sends only its
// topic and ID (m.Topic, m.ID of its parameter) sends none of it; a value
// built from it (wrap{M: m}, a call's result) is personal as a whole. A
// call through an interface the module declares returns what its
// implementations return (a lookup of an identity provider by the domain
// of a user's e-mail returns the provider), and a method of such an
// interface that returns the interface and whose implementations send
// nothing (an ORM wrapper's Where) builds: the call ending the chain
// sends. Types of
// the standard library and of cloud SDKs are never personal by their
// names. A GET of public data, a struct with no personal field, or the
// length of an email address is not an export. The SQL text of a call is
// the statement, not data, when it is known statically but for the
// table's name ("DELETE FROM " + table + " WHERE id = $1"): its values
// are the call's other arguments.
//
// # Known limits
//
//   - The analysis is flow-insensitive and context-insensitive: a variable
//     is everything ever stored in it, a function's parameter everything
//     the package passes; a call may be reported with a destination that
//     another path sets.
//   - Names decide what is personal; data under unrevealing names
//     (Payload []byte read from a queue) is missed, and a field named
//     Email that holds a company address is reported. The privacy tag
//     corrects both.
//   - A function whose destination its callers decide (a repository type
//     holding a *sql.DB given to its constructor) is reported at the calls
//     that decide it, through facts; when no call does (the database is
//     opened from configuration the analysis cannot read, or a method
//     value is passed to http.HandleFunc), the site inside reports
//     unresolved-destination, saying where its destination comes from in
//     the words of its kind ("its database comes from parameter db of
//     NewRepository"). `noticevet check` drops that note when a
//     caller reported the site; go vet, which sees one package at a time,
//     cannot. In generated files (protocol buffer stubs), notes are not
//     reported.
//   - A call through an interface the module declares is followed to the
//     module's implementations that the calling package can see (its own
//     types and those of the module's packages it imports), at most four,
//     not those of _test.go files; an implementation only a package that
//     imports the caller's sees is missed, and with several
//     implementations only what the call's arguments decide is followed
//     (the receiver may be any of them). With more than four (a point
//     where storage back ends or drivers attach), a call that gives them
//     personal content (text, bytes, a reader) that one of them sends,
//     and that no implementation reports by itself, is a note: it goes
//     where the implementation chosen at run time sends it; at most 32
//     are looked at. A method of the standard library or an SDK that
//     returns only text and takes no context (oauth2's AuthCodeURL)
//     builds it in memory and sends nothing. Calls through interfaces of
//     dependencies and the standard library (io.Writer), function values
//     and reflection are followed only as far as the value's own
//     destination goes; goroutines and channels carry nothing.
//   - Only the SDK calls listed above are known; other clients of those SDKs
//     are followed by the generic rule (a method of a client given personal
//     data sends it to the client's destination).
//   - A store's name is read where the SDK call is made; a function of
//     another package that writes to a store it is given by name (a
//     wrapper's Upload(bucket, data)) is placed by its client alone.
//   - go vet caches each package's result. The tool's -V=full answer
//     includes a digest of the notices and configuration files found from
//     the folder go vet runs in (upwards and below), so editing them is
//     not hidden by the cache; a file named by -noticevet.notice elsewhere
//     is not watched.
package analyzer
