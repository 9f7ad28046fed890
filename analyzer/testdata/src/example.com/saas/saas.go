package saas

import (
	"bytes"
	"context"
	"os"

	firebase "firebase.google.com/go/v4/messaging"
	"github.com/bwmarrin/discordgo"
	"github.com/minio/minio-go/v7"
	"github.com/redis/go-redis/v9"
	analytics "github.com/segmentio/analytics-go/v3"
	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/customer"
	"github.com/stripe/stripe-go/v76/price"

	"example.com/saas/lookalike"
)

type User struct {
	ID          int64
	Name        string
	Email       string
	DeviceToken string
	Photo       []byte
}

// Stripe: a customer created with the user's email goes to api.stripe.com,
// which no public rule places.
func subscribe(u User) error {
	_, err := customer.New(&stripe.CustomerParams{Email: stripe.String(u.Email)}) // want `^customer.New to api.stripe.com: cannot decide where it sends personal data: Stripe has one global API host; no country is stated \[unresolved-destination\]$`
	return err
}

// A price carries no personal data: not an export.
func newPrice() error {
	_, err := price.New(&stripe.PriceParams{Currency: stripe.String("jpy"), UnitAmount: stripe.Int64(500)})
	return err
}

// A method of a vendor's client that the table does not name is no site
// (here a deletion keyed by the customer's ID), and the client's
// endpoint is never asked for: the vendor's host is fixed.
type Billing struct{ customers *customer.Client }

func (b *Billing) Forget(u User) error {
	_, err := b.customers.Del(u.Email, nil)
	return err
}

// Discord: a message naming the user goes to discord.com, placed by the
// host block.
func notify(s *discordgo.Session, u User) {
	s.ChannelMessageSend("123", "new signup: "+u.Name) // want `^discordgo.Session.ChannelMessageSend to discord.com sends personal data to the United States`
}

// A read of a channel sends nothing personal.
func channelName(s *discordgo.Session, u User) string {
	c, _ := s.Channel(u.Name)
	return c.Name
}

// The same method name in another import path is followed as code: it
// keeps the message in memory.
func notifyLocal(s *lookalike.Session, u User) {
	s.ChannelMessageSend("123", "new signup: "+u.Name)
}

// FCM: a push to a device's registration token.
func push(c *firebase.Client, token string) {
	c.Send(context.Background(), &firebase.Message{Token: token, Notification: &firebase.Notification{Title: "New photo"}}) // want `^messaging.Client.Send to fcm.googleapis.com: cannot decide where it sends personal data: no public rule places the host`
}

// minio-go: the endpoint host places an S3-compatible store.
func upload(u User) error {
	c, err := minio.New("s3.eu-central-003.backblazeb2.com", &minio.Options{Secure: true})
	if err != nil {
		return err
	}
	_, err = c.PutObject(context.Background(), "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject to s3.eu-central-003.backblazeb2.com stores personal data in the Netherlands \(eu-central-003\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
	return err
}

// An endpoint not known statically is a note naming where it comes from.
func uploadTo(u User) error {
	c, err := minio.New(os.Getenv("S3_ENDPOINT"), nil)
	if err != nil {
		return err
	}
	_, err = c.PutObject(context.Background(), "photos", "p.jpg", bytes.NewReader(u.Photo), int64(len(u.Photo)), minio.PutObjectOptions{}) // want `^minio.Client.PutObject: cannot decide where it stores personal data: the endpoint comes from os.Getenv\("S3_ENDPOINT"\)`
	return err
}

// Segment: the EU endpoint given in the Config places the events.
func track(u User) {
	c, _ := analytics.NewWithConfig("key", analytics.Config{Endpoint: "https://eu1.api.segmentapis.com"})
	c.Enqueue(analytics.Track{UserId: "x", Event: "signup"}) // want `^analytics.Client.Enqueue to eu1.api.segmentapis.com sends personal data to Ireland`
}

// go-redis: the address in Options.
func cache(u User) {
	rdb := redis.NewClient(&redis.Options{Addr: "cache.example.sg:6379"})
	rdb.Set(context.Background(), "user", u.Email, 0) // want `^redis.Client.Set to cache.example.sg stores personal data in Singapore`
}
