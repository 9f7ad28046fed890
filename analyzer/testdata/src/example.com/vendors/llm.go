package vendors

import (
	"context"

	"github.com/openai/openai-go"
)

// An OpenAI service the chat completions row does not name is a row of
// its own: a moderation of the user's text goes to api.openai.com.
func moderate(u User) {
	svc := openai.NewModerationService()
	svc.New(context.Background(), openai.ModerationNewParams{Input: u.Name}) // want `^openai.ModerationService.New to api.openai.com: cannot decide where it sends personal data: no public rule places the host; add a host block`
}

// Text with nothing personal in it is no export.
func moderateNotice() {
	svc := openai.NewModerationService()
	svc.New(context.Background(), openai.ModerationNewParams{Input: "terms of service"})
}
