package vendors

import (
	"context"

	openai "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// openai-go v2 and later live at /vN module paths: the same calls are the
// same sites, and a base URL the code gives still places them.
func summarizeV3(u User) {
	c := openai.NewClient(option.WithAPIKey("k"))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{u.Name}}) // want `^openai.ChatCompletionService.New to api.openai.com: cannot decide where it sends personal data: no public rule places the host; add a host block`
}

func summarizeV3At(u User) {
	c := openai.NewClient(option.WithBaseURL("https://llm.example.de/v1"))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{u.Name}}) // want `^openai.ChatCompletionService.New to llm.example.de sends personal data to Germany`
}

// Nothing personal: no site.
func summarizeV3Terms() {
	c := openai.NewClient(option.WithAPIKey("k"))
	c.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{Model: "m", Messages: []string{"terms"}})
}
