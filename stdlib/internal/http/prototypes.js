'use strict';
// The prototype an app gives the server's requests and responses.
//
// Express (and what is built like it) gives every request and response a
// prototype of its own making, with Object.setPrototypeOf, before its
// handlers run. V8 10.2 answers a prototype change of an object that
// already has properties with a map no transition leads to, and the
// properties added after it (res.locals, req.body, req.route) each make yet
// another map, one per request. Every property access on those objects
// then misses its inline cache, in the app's code and in ours: about a
// third of such a server's time.
//
// So a server watches, when a response finishes, which prototype each
// object ended up with. When the app gave two messages in a row the same
// one, the next messages are made with it from the start, and the app's
// setPrototypeOf finds it already there, which changes nothing. They are
// made by `new` of an empty function whose prototype is the app's (its own
// initial map, which V8 caches and which has no properties yet, so what the
// constructor and the app add shares maps across requests as usual), then
// the class's constructor called on them. That function inherits the class
// so that V8 sizes its objects for the class's properties: the estimate
// counts the constructors up the function's prototype chain. (A new.target
// of the app's prototype would not do: V8 10.2 copies the initial map for
// every such construction unless new.target is a derived class. Nor would
// Object.create: its objects have room for four properties, and past a few
// more the symbol-keyed ones turn them into dictionaries.) Only a class that
// may be called on a given object (the stdlib's own, plain constructor
// functions) is made this way.
//
// It is given up, for good after a few tries, when the app stops giving
// that prototype (a message finishes with another one, as with mounted
// sub-apps taking turns), and never taken when the prototype or anything
// between it and the class's own prototype defines one of the message's own
// properties, since the constructor's assignments would then meet it.

const { isProxy } = require('../util/types');

const kMaxChanges = 3;

class Prototypes {
  // `callable`: Class initializes a `this` it is called on.
  constructor(Class, callable) {
    this.Class = Class;
    // The prototype new messages get: Class's own, or the app's.
    this.proto = Class.prototype;
    // null, or the empty constructor that gives objects the app's prototype.
    this.blank = null;
    this.candidate = null;
    this.changes = callable ? 0 : kMaxChanges;
  }

  // A new message, made by the class's constructor with one argument
  // (make1) or two (make2).
  make1(a) {
    const Blank = this.blank;
    if (Blank === null) return new this.Class(a);
    const msg = new Blank();
    this.Class.call(msg, a);
    return msg;
  }

  make2(a, b) {
    const Blank = this.blank;
    if (Blank === null) return new this.Class(a, b);
    const msg = new Blank();
    this.Class.call(msg, a, b);
    return msg;
  }

  // `msg`'s handling is over: notes the prototype it ended with.
  observe(msg) {
    const proto = Object.getPrototypeOf(msg);
    if (proto === this.proto) {
      this.candidate = null;
      return;
    }
    if (this.blank !== null) {
      // What the app gives has changed: back to the class's own (also when
      // this was the last try, so that nothing stays on a stale prototype).
      this.changes++;
      this.blank = null;
      this.proto = this.Class.prototype;
      this.candidate = null;
      return;
    }
    if (this.changes >= kMaxChanges) return;
    if (proto !== this.candidate) {
      this.candidate = proto;
      return;
    }
    this.candidate = null;
    if (!this.fits(proto, msg)) {
      this.changes = kMaxChanges;
      return;
    }
    this.changes++;
    const Blank = function() {};
    Object.setPrototypeOf(Blank, this.Class);
    Blank.prototype = proto;
    this.blank = Blank;
    this.proto = proto;
  }

  // Whether messages can be made with `proto` from the start: it inherits
  // the class's prototype, and nothing between them has a property `msg`
  // owns (the constructor's assignments and the app's own would meet it).
  fits(proto, msg) {
    if (proto === null || typeof proto !== 'object') return false;
    const base = this.Class.prototype;
    const keys = Reflect.ownKeys(msg);
    for (let o = proto; o !== base; o = Object.getPrototypeOf(o)) {
      // A proxy would run the app's traps here; null: base is not in the chain.
      if (o === null || isProxy(o)) return false;
      for (let i = 0; i < keys.length; i++) {
        if (Object.prototype.hasOwnProperty.call(o, keys[i])) return false;
      }
    }
    return true;
  }
}

module.exports = { Prototypes };
