// ArticleWatcher: placeholder until its work lands.
