package awsv1

import (
	"bytes"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
)

type Contact struct {
	Phone string
}

func newSession(c Contact) {
	sess, _ := session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})
	svc := s3.New(sess)
	svc.PutObject(&s3.PutObjectInput{Body: bytes.NewReader([]byte(c.Phone))}) // want `^s3.S3.PutObject stores personal data in Ireland \(eu-west-1\), but PRIVACY.md:4 says it is stored only in Japan \[false-claim\]$`
}

func must(c Contact) {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("ap-northeast-2")))
	up := s3manager.NewUploader(sess)
	up.Upload(&s3manager.UploadInput{Key: aws.String(c.Phone)}) // want `s3manager.Uploader.Upload stores personal data in South Korea \(ap-northeast-2\)`
}

func withOptions(c Contact) {
	sess := session.Must(session.NewSessionWithOptions(session.Options{Config: aws.Config{Region: aws.String("us-west-2")}}))
	s3.New(sess).PutObject(&s3.PutObjectInput{Key: aws.String(c.Phone)}) // want `s3.S3.PutObject stores personal data in the United States \(us-west-2\)`
}

func override(c Contact) {
	sess := session.Must(session.NewSession(&aws.Config{Region: aws.String("ap-northeast-1")}))
	s3.New(sess, &aws.Config{Region: aws.String("sa-east-1")}).PutObject(&s3.PutObjectInput{Key: aws.String(c.Phone)}) // want `s3.S3.PutObject stores personal data in Brazil \(sa-east-1\)`
}

func environment(c Contact) {
	sess := session.Must(session.NewSession())
	s3.New(sess).PutObject(&s3.PutObjectInput{Key: aws.String(c.Phone)}) // want `cannot decide where it stores personal data: session.NewSession is given no region`
}

// Look-alike: Tokyo is home.
func domestic(c Contact) {
	sess, _ := session.NewSession(&aws.Config{Region: aws.String("ap-northeast-1")})
	s3.New(sess).PutObject(&s3.PutObjectInput{Key: aws.String(c.Phone)})
}
