package families

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/posthog/posthog-go"

	"example.com/families/lookalike"
)

// PostHog: an event of a user goes to the US cloud by default.
func capture(u User) {
	c := posthog.New("key")
	c.Enqueue(posthog.Capture{DistinctId: u.Email, Event: "signup"}) // want `^posthog.Client.Enqueue to us.i.posthog.com`
}

// Every event names a distinct ID: it is one user's whatever else it says.
func captureID(id string) {
	c := posthog.New("key")
	c.Enqueue(posthog.Capture{DistinctId: id, Event: "login"}) // want `^posthog.Client.Enqueue to us.i.posthog.com`
}

// The EU cloud given in the Config.
func captureEU(u User) {
	c, _ := posthog.NewWithConfig("key", posthog.Config{Endpoint: "https://eu.i.posthog.com"})
	c.Enqueue(posthog.Capture{DistinctId: u.Email, Event: "signup"}) // want `^posthog.Client.Enqueue to eu.i.posthog.com`
}

// A flag check sends the distinct ID too (PostHog evaluates the flag for
// it); closing the client, and a same-named method elsewhere, are no site.
func flags(u User, l *lookalike.Client) {
	c := posthog.New("key")
	c.IsFeatureEnabled("beta", u.Email) // want `^posthog.Client.IsFeatureEnabled to us.i.posthog.com`
	c.Close()
	l.Enqueue(u)
}

// Anthropic: a message naming the user goes to api.anthropic.com.
func summarize(ctx context.Context, u User) {
	c := anthropic.NewClient(option.WithAPIKey("k"))
	c.Messages.New(ctx, anthropic.MessageNewParams{Model: "m", MaxTokens: 100, Messages: []string{"Summarize " + u.Name}}) // want `^anthropic.MessageService.New to api.anthropic.com`
}

// A base URL given statically overrides it.
func summarizeVia(ctx context.Context, u User) {
	c := anthropic.NewClient(option.WithBaseURL("https://llm.example.de/v1"))
	c.Messages.New(ctx, anthropic.MessageNewParams{Model: "m", Messages: []string{u.Name}}) // want `^anthropic.MessageService.New to llm.example.de sends personal data to Germany`
}

// Nothing personal, a read of a model, a same-named method elsewhere.
func llmQuiet(ctx context.Context, u User, l *lookalike.MessageService) {
	c := anthropic.NewClient()
	c.Messages.New(ctx, anthropic.MessageNewParams{Model: "m", Messages: []string{"Say hello"}})
	c.Models.Get(ctx, "m")
	l.New(ctx, u.Name)
}
