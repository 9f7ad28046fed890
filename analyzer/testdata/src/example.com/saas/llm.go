package saas

import (
	"context"
	"os"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

// OpenAI: the default host, which no public rule places.
func summarize(u User) {
	c := openai.NewClient(option.WithAPIKey("k"))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{u.Name}}) // want `^openai.ChatCompletionService.New to api.openai.com: cannot decide where it sends personal data: no public rule places the host`
}

// A base URL given statically overrides the default.
func summarizeEU(u User) {
	c := openai.NewClient(option.WithBaseURL("https://llm.example.de/v1"))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{u.Name}}) // want `^openai.ChatCompletionService.New to llm.example.de sends personal data to Germany`
}

// One not known statically is a note naming where it comes from.
func summarizeAt(u User) {
	c := openai.NewClient(option.WithBaseURL(os.Getenv("OPENAI_BASE_URL")))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{u.Name}}) // want `^openai.ChatCompletionService.New: cannot decide where it sends personal data: the URL comes from os.Getenv\("OPENAI_BASE_URL"\)`
}
