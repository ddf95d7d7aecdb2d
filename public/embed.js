// embed.js — for pages that embed Activation Lab widgets: sizes each widget iframe to its content.
// Add once per page, after (or before) the iframes:  <script src=".../embed.js" async></script>
// Protocol (docs/embedding.md): the widget posts {type: 'actlab:resize', version: 1, widget, height};
// this script finds the iframe whose window sent it and sets its height. A frame can only resize
// itself. On load it asks every iframe for its height ({type: 'actlab:ping'}) in case it missed it.
(function () {
  'use strict';
  if (window.__actlabEmbed) return;
  window.__actlabEmbed = true;
  var MAX = 20000;
  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || d.type !== 'actlab:resize' || typeof d.height !== 'number') return;
    if (!(d.height > 0 && d.height < MAX)) return;
    var frame = frameOf(event.source);
    if (frame) frame.style.height = Math.ceil(d.height) + 'px';
  });
  function ping() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try { frames[i].contentWindow.postMessage({ type: 'actlab:ping' }, '*'); } catch (e) { /* detached */ }
    }
  }
  if (document.readyState === 'complete') ping(); else window.addEventListener('load', ping);
})();
