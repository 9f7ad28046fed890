// Package ddlogs sends logs to Datadog's API. The site is the "site"
// server variable of the request's context; where the context has none,
// DD_SITE (read by NewDefaultContext) or the default decides, which is not
// read here: the destination is not decided.
package ddlogs

import (
	"context"
	"os"

	"github.com/DataDog/datadog-api-client-go/v2/api/datadog"
	"github.com/DataDog/datadog-api-client-go/v2/api/datadogV2"
)

type User struct{ Email string }

func logSignup(u User) {
	ctx := context.WithValue(context.Background(), datadog.ContextServerVariables, map[string]string{"site": "datadoghq.eu"})
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(ctx, []datadogV2.HTTPLogItem{{Message: "signup " + u.Email}}) // want `^datadogV2.LogsApi.SubmitLog to datadoghq.eu sends personal data to Germany`
}

func logSignupSite(u User) {
	ctx := context.WithValue(context.Background(), datadog.ContextServerVariables, map[string]string{"site": os.Getenv("DATADOG_SITE")})
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(ctx, []datadogV2.HTTPLogItem{{Message: "signup " + u.Email}}) // want `^datadogV2.LogsApi.SubmitLog: cannot decide where it sends personal data: the address comes from os.Getenv\("DATADOG_SITE"\)`
}

func logSignupDefault(u User) {
	ctx := datadog.NewDefaultContext(context.Background())
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(ctx, []datadogV2.HTTPLogItem{{Message: "signup " + u.Email}}) // want `^datadogV2.LogsApi.SubmitLog: cannot decide where it sends personal data: no option given to datadogV2.LogsApi.SubmitLog names the Datadog endpoint`
}

// A log line with nothing personal in it is no export.
func logStartup() {
	api := datadogV2.NewLogsApi(datadog.NewAPIClient(datadog.NewConfiguration()))
	api.SubmitLog(context.Background(), []datadogV2.HTTPLogItem{{Message: "started"}})
}
