// ArticleWatcherTests: tests land with their target's work.
